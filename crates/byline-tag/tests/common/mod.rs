#[allow(dead_code)]
pub mod entity_data;
#[allow(dead_code)]
pub mod pos_data;
