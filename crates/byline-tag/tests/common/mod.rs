#[allow(dead_code)]
pub mod pos_data;
