//! Heap object layouts: one Rust struct per kind of object, each starting with [`ObjHead`]
//! (the GC header and the Python class). Which words of a layout hold references is declared
//! once, by [`heap_struct!`]: fields in its `refs` section are traced, fields in `raw` are not.
//!
//! References handed out by the accessors here stay valid only until the next safepoint
//! (a collection moves objects). Collections run only at safepoints of the outermost eval
//! loop while no native code is on the stack (see `Vm::native_depth`), so native code may hold
//! them freely; the eval loop re-reads them after each safepoint.

mod layouts;

pub use layouts::*;

use crate::value::Value;
use pyrs_gc::Header;

/// The first two words of every object: the GC's header and the Python class.
#[repr(C)]
pub struct ObjHead {
    /// Owned by the GC; `type_id` is the object's [`Kind`].
    pub gc: Header,
    /// The object's Python class (a pinned class object).
    pub class: Value,
}

/// Implemented by each layout struct; ties it to its [`Kind`].
pub trait HeapObj {
    /// The layout's kind, equal to its GC type id.
    const KIND: Kind;
}

/// Declares a fixed-size layout struct and its GC descriptor. `refs` fields are Values the GC
/// traces; `raw` fields are plain data and must never hold a reference.
macro_rules! heap_struct {
    (
        $(#[$doc:meta])*
        $name:ident : $kind:ident {
            refs { $( $(#[$rdoc:meta])* $rf:ident ),* $(,)? }
            raw { $( $(#[$wdoc:meta])* $wf:ident : $wt:ty ),* $(,)? }
        }
    ) => {
        $(#[$doc])*
        #[repr(C)]
        pub struct $name {
            /// Header and class.
            pub head: $crate::object::ObjHead,
            $( $(#[$rdoc])* pub $rf: $crate::value::Value, )*
            $( $(#[$wdoc])* pub $wf: $wt, )*
        }

        impl $crate::object::HeapObj for $name {
            const KIND: $crate::object::Kind = $crate::object::Kind::$kind;
        }

        impl $name {
            /// The GC descriptor of this layout.
            pub fn descriptor() -> pyrs_gc::TypeDescriptor {
                pyrs_gc::TypeDescriptor {
                    name: stringify!($name),
                    layout: pyrs_gc::Layout::Fixed { size: std::mem::size_of::<$name>() },
                    ref_offsets: vec![
                        std::mem::offset_of!($crate::object::ObjHead, class),
                        $( std::mem::offset_of!($name, $rf), )*
                    ],
                    trace: None,
                    finalize: None,
                }
            }
        }
    };
}
pub(crate) use heap_struct;

/// The kind of a heap object.
#[inline(always)]
pub fn kind_of(v: Value) -> Option<Kind> {
    if v.is_ptr() {
        // SAFETY: a pointer Value always points to a live object starting with a header, and
        // every type id in use is a `Kind` (only `Kind`s are registered).
        Some(unsafe { std::mem::transmute::<u32, Kind>((*(v.addr() as *const Header)).type_id) })
    } else {
        None
    }
}

/// Whether `v` is an object of layout `T`.
#[inline(always)]
pub fn is<T: HeapObj>(v: Value) -> bool {
    kind_of(v) == Some(T::KIND)
}

/// The object behind `v` as a `T`, if it has that layout.
#[inline(always)]
pub fn downcast<'a, T: HeapObj>(v: Value) -> Option<&'a mut T> {
    if is::<T>(v) {
        // SAFETY: the kind check proves the object has layout `T`; the reference is valid
        // until the next safepoint (module docs).
        Some(unsafe { &mut *(v.addr() as *mut T) })
    } else {
        None
    }
}

/// The object behind `v` as a `T`, without checking.
///
/// # Safety
/// `v` must be an object of layout `T`.
#[inline(always)]
pub unsafe fn cast<'a, T: HeapObj>(v: Value) -> &'a mut T {
    debug_assert!(is::<T>(v));
    &mut *(v.addr() as *mut T)
}

/// The class word of a heap object.
///
/// # Safety
/// `v` must be a pointer Value.
#[inline(always)]
pub unsafe fn class_word(v: Value) -> Value {
    (*(v.addr() as *const ObjHead)).class
}

/// Whether `v` is an object guarded on the heap for a Python-level finalizer
/// (`crate::finalize`).
#[inline]
pub fn is_guarded(v: Value) -> bool {
    // SAFETY: a pointer Value always points to a live object starting with a GC header.
    v.is_ptr() && unsafe { (*(v.addr() as *const Header)).flags & pyrs_gc::flags::GUARDED != 0 }
}

/// Whether `v` is a pinned object (never moves; interned strs, classes, code objects).
#[inline]
pub fn is_pinned(v: Value) -> bool {
    // SAFETY: a pointer Value always points to a live object starting with a GC header.
    v.is_ptr() && unsafe { (*(v.addr() as *const Header)).flags & pyrs_gc::flags::PINNED != 0 }
}
