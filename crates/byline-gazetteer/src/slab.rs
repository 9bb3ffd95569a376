//! Arrays that are either owned or read in place from the program's own bytes.
//!
//! A gazetteer built or loaded at run time owns its arrays; the embedded default reads them
//! where they lie in the binary, so that it is ready without decoding or copying megabytes.

use std::ops::Deref;

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

/// An array, owned or borrowed for the whole run.
#[derive(Clone, Debug)]
pub(crate) enum Slab<T: 'static> {
    Owned(Vec<T>),
    Static(&'static [T]),
}

impl<T> Default for Slab<T> {
    fn default() -> Slab<T> {
        Slab::Owned(Vec::new())
    }
}

impl<T> From<Vec<T>> for Slab<T> {
    fn from(v: Vec<T>) -> Slab<T> {
        Slab::Owned(v)
    }
}

impl<T> Deref for Slab<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        match self {
            Slab::Owned(v) => v,
            Slab::Static(s) => s,
        }
    }
}

impl<T: Clone> Slab<T> {
    /// The array to change, copied first if it was borrowed.
    pub(crate) fn to_mut(&mut self) -> &mut Vec<T> {
        if let Slab::Static(s) = *self {
            *self = Slab::Owned(s.to_vec());
        }
        match self {
            Slab::Owned(v) => v,
            Slab::Static(_) => unreachable!("a borrowed array was just copied"),
        }
    }

    pub(crate) fn shrink(&mut self) {
        if let Slab::Owned(v) = self {
            v.shrink_to_fit();
        }
    }

    /// Bytes of memory the array takes: its heap allocation, or the bytes it reads in place.
    pub(crate) fn memory_bytes(&self) -> usize {
        std::mem::size_of::<T>()
            * match self {
                Slab::Owned(v) => v.capacity(),
                Slab::Static(s) => s.len(),
            }
    }
}

impl<T: Le> Slab<T> {
    /// An owned array from its little-endian bytes (whose length is a multiple of the size).
    pub(crate) fn copy_le(bytes: &[u8]) -> Slab<T> {
        let mut v = vec![T::zeroed(); bytes.len() / std::mem::size_of::<T>()];
        bytemuck::cast_slice_mut::<T, u8>(&mut v).copy_from_slice(bytes);
        if cfg!(target_endian = "big") {
            for x in &mut v {
                *x = x.swap_le();
            }
        }
        Slab::Owned(v)
    }

    /// The array read in place from its little-endian bytes where the machine's byte order
    /// and the bytes' alignment allow, else copied.
    pub(crate) fn in_place_le(bytes: &'static [u8]) -> Slab<T> {
        if cfg!(target_endian = "little") {
            if let Ok(s) = bytemuck::try_cast_slice(bytes) {
                return Slab::Static(s);
            }
        }
        Slab::copy_le(bytes)
    }

    /// Appends the array as little-endian bytes.
    pub(crate) fn write_le(&self, out: &mut Vec<u8>) {
        if cfg!(target_endian = "little") {
            out.extend_from_slice(bytemuck::cast_slice(self));
        } else {
            for &x in self.iter() {
                out.extend_from_slice(bytemuck::bytes_of(&x.swap_le()));
            }
        }
    }
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
        Slab::write_le(self, out);
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
        assert_eq!(&*Slab::<u32>::copy_le(&bytes), &*s);
        let leaked: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let back = Slab::<u32>::in_place_le(leaked);
        assert_eq!(&*back, &*s);
        let mut m = back.clone();
        m.to_mut().push(7);
        assert_eq!(&*m, &[1, 2, 0xdead_beef, 7]);
    }
}
