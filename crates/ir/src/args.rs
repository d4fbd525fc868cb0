//! [`OpArgs`]: an op's operand list, stored inline up to [`OpArgs::INLINE`] operands so
//! that recording the common op allocates nothing.

use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::types::{OpRef, Type};

/// The operands of an op. Dereferences to `[OpRef]`; equality and hashing are those of
/// the slice.
#[derive(Clone)]
pub struct OpArgs(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [OpRef; OpArgs::INLINE]),
    Heap(Vec<OpRef>),
}

/// Fills unused inline slots; never read.
const FILLER: OpRef = OpRef::value(Type::Void, 0);

impl OpArgs {
    /// How many operands are stored without a heap allocation.
    pub const INLINE: usize = 3;

    /// No operands.
    pub fn new() -> OpArgs {
        OpArgs(Repr::Inline(0, [FILLER; Self::INLINE]))
    }

    /// A copy of `args`.
    pub fn from_slice(args: &[OpRef]) -> OpArgs {
        if args.len() <= Self::INLINE {
            let mut inline = [FILLER; Self::INLINE];
            inline[..args.len()].copy_from_slice(args);
            OpArgs(Repr::Inline(args.len() as u8, inline))
        } else {
            OpArgs(Repr::Heap(args.to_vec()))
        }
    }

    /// Appends an operand.
    pub fn push(&mut self, r: OpRef) {
        match &mut self.0 {
            Repr::Inline(len, inline) if (*len as usize) < Self::INLINE => {
                inline[*len as usize] = r;
                *len += 1;
            }
            Repr::Inline(len, inline) => {
                let mut v = inline[..*len as usize].to_vec();
                v.push(r);
                self.0 = Repr::Heap(v);
            }
            Repr::Heap(v) => v.push(r),
        }
    }

    /// The operand types, in order.
    pub fn types(&self) -> impl Iterator<Item = Type> + '_ {
        self.iter().map(|r| r.ty())
    }
}

impl Default for OpArgs {
    fn default() -> OpArgs {
        OpArgs::new()
    }
}

impl Deref for OpArgs {
    type Target = [OpRef];
    fn deref(&self) -> &[OpRef] {
        match &self.0 {
            Repr::Inline(len, inline) => &inline[..*len as usize],
            Repr::Heap(v) => v,
        }
    }
}

impl DerefMut for OpArgs {
    fn deref_mut(&mut self) -> &mut [OpRef] {
        match &mut self.0 {
            Repr::Inline(len, inline) => &mut inline[..*len as usize],
            Repr::Heap(v) => v,
        }
    }
}

impl PartialEq for OpArgs {
    fn eq(&self, other: &OpArgs) -> bool {
        **self == **other
    }
}

impl Eq for OpArgs {}

impl std::hash::Hash for OpArgs {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (**self).hash(state)
    }
}

impl fmt::Debug for OpArgs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl From<&[OpRef]> for OpArgs {
    fn from(args: &[OpRef]) -> OpArgs {
        OpArgs::from_slice(args)
    }
}

impl<const N: usize> From<[OpRef; N]> for OpArgs {
    fn from(args: [OpRef; N]) -> OpArgs {
        OpArgs::from_slice(&args)
    }
}

impl FromIterator<OpRef> for OpArgs {
    fn from_iter<I: IntoIterator<Item = OpRef>>(iter: I) -> OpArgs {
        let mut args = OpArgs::new();
        for r in iter {
            args.push(r);
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(n: u32) -> Vec<OpRef> {
        (0..n).map(|i| OpRef::value(Type::Int, i)).collect()
    }

    #[test]
    fn inline_and_heap_behave_like_slices() {
        for n in 0..8 {
            let v = refs(n);
            let a = OpArgs::from_slice(&v);
            assert_eq!(&*a, &v[..]);
            let b: OpArgs = v.iter().copied().collect();
            assert_eq!(a, b);
            let mut c = OpArgs::new();
            for &r in &v {
                c.push(r);
            }
            assert_eq!(a, c);
        }
        let mut a = OpArgs::from(refs(2).as_slice());
        a[1] = OpRef::value(Type::Float, 9);
        assert_eq!(a.types().collect::<Vec<_>>(), [Type::Int, Type::Float]);
    }
}
