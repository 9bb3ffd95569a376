//! Arrays that are either owned or read in place from the program's own bytes.
//!
//! A gazetteer built or loaded at run time owns its arrays; the embedded default reads them
//! where they lie in the binary, so that it is ready without decoding or copying megabytes.

use std::borrow::Cow;

/// A fixed-size value saved as little-endian bytes.
pub(crate) trait Le: bytemuck::Pod {
    /// The value with its bytes swapped from or to little-endian order (nothing to do on
    /// little-endian machines).
    fn swap_le(self) -> Self;
}

impl Le for u8 {
    #[inline]
    fn swap_le(self) -> u8 {
        self
    }
}

impl Le for u16 {
    #[inline]
    fn swap_le(self) -> u16 {
        u16::from_le(self)
    }
}

impl Le for u32 {
    #[inline]
    fn swap_le(self) -> u32 {
        u32::from_le(self)
    }
}

impl Le for f32 {
    #[inline]
    fn swap_le(self) -> f32 {
        f32::from_bits(u32::from_le(self.to_bits()))
    }
}

/// An array, owned (built or loaded at run time) or borrowed for the whole run (read in place).
pub(crate) type Slab<T> = Cow<'static, [T]>;

/// What the gazetteer asks of its arrays besides reading them.
pub(crate) trait SlabExt {
    /// Gives back unused capacity of an owned array.
    fn shrink(&mut self);
    /// Bytes of memory the array takes: its heap allocation, or the bytes it reads in place.
    fn memory_bytes(&self) -> usize;
}

impl<T: Clone> SlabExt for Slab<T> {
    fn shrink(&mut self) {
        if let Cow::Owned(v) = self {
            v.shrink_to_fit();
        }
    }

    fn memory_bytes(&self) -> usize {
        std::mem::size_of::<T>()
            * match self {
                Cow::Owned(v) => v.capacity(),
                Cow::Borrowed(s) => s.len(),
            }
    }
}

/// An owned array from its little-endian bytes (whose length is a multiple of the size).
pub(crate) fn copy_le<T: Le>(bytes: &[u8]) -> Slab<T> {
    let mut v = vec![T::zeroed(); bytes.len() / std::mem::size_of::<T>()];
    bytemuck::cast_slice_mut::<T, u8>(&mut v).copy_from_slice(bytes);
    if cfg!(target_endian = "big") {
        for x in &mut v {
            *x = x.swap_le();
        }
    }
    Cow::Owned(v)
}

/// The array read in place from its little-endian bytes where the machine's byte order and the
/// bytes' alignment allow, else copied.
pub(crate) fn in_place_le<T: Le>(bytes: &'static [u8]) -> Slab<T> {
    if cfg!(target_endian = "little") {
        if let Ok(s) = bytemuck::try_cast_slice(bytes) {
            return Cow::Borrowed(s);
        }
    }
    copy_le(bytes)
}

/// An array to save, whatever its type.
pub(crate) trait Section {
    /// The size of the saved array in bytes.
    fn byte_len(&self) -> usize;
    /// Appends the array as little-endian bytes.
    fn write_le(&self, out: &mut Vec<u8>);
}

impl<T: Le> Section for Slab<T> {
    fn byte_len(&self) -> usize {
        std::mem::size_of_val::<[T]>(self)
    }

    fn write_le(&self, out: &mut Vec<u8>) {
        if cfg!(target_endian = "little") {
            out.extend_from_slice(bytemuck::cast_slice(self));
        } else {
            for &x in self.iter() {
                out.extend_from_slice(bytemuck::bytes_of(&x.swap_le()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_in_place() {
        let s: Slab<u32> = vec![1, 2, 0xdead_beef].into();
        let mut bytes = Vec::new();
        s.write_le(&mut bytes);
        assert_eq!(bytes[..4], [1, 0, 0, 0]);
        assert_eq!(&*copy_le::<u32>(&bytes), &*s);
        let leaked: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let back = in_place_le::<u32>(leaked);
        assert!(matches!(back, Cow::Borrowed(_)));
        assert_eq!(&*back, &*s);
        let mut m = back.clone();
        m.to_mut().push(7);
        assert_eq!(&*m, &[1, 2, 0xdead_beef, 7]);
    }
}
