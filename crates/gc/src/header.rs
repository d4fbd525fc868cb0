//! The object header every GC object starts with.

/// The first word of every GC object. The VM may read `type_id`; `flags` belong to the GC.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Header {
    /// The registered type of the object.
    pub type_id: u32,
    /// GC flag bits ([`flags`]).
    pub flags: u32,
}

/// Size of [`Header`] in bytes.
pub const HEADER_SIZE: usize = 8;

/// Every object is at least this large: a moved object keeps its forwarding address in the
/// word after the header.
pub const MIN_OBJECT_SIZE: usize = 16;

/// The GC's header flag bits.
pub mod flags {
    /// The object was copied; its new address is in the word after the header.
    pub const FORWARDED: u32 = 1;
    /// The object never moves and lives for the whole run.
    pub const PINNED: u32 = 2;
    /// The object's type has a finalizer and the object is in the finalizer list.
    pub const HAS_FINALIZER: u32 = 4;
    /// The VM is to be told when the object becomes unreachable ([`crate::Heap::guard`]).
    pub const GUARDED: u32 = 8;
    /// The object was guarded and handed over once: it is never guarded again.
    pub const GUARD_SPENT: u32 = 16;
}
