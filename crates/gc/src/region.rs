//! Blocks of zeroed memory for the moving spaces, mapped from the OS directly.
//!
//! A collection needs a fresh, zeroed to-space whenever the spare one is too small, and
//! under `PYRS_GC_STRESS` at every safepoint. Through `calloc`, blocks below the
//! allocator's (growing) mmap threshold come from its heap and are zeroed by a `memset`
//! of the whole block; mapped pages are zero already and cost nothing until touched.

/// A zero-initialised block of memory, page-aligned, owned by the heap.
pub(crate) struct Region {
    ptr: *mut u8,
    size: usize,
}

impl Region {
    /// Maps at least `size` zeroed bytes.
    pub(crate) fn new(size: usize) -> Region {
        let size = size.max(1).next_multiple_of(os::PAGE);
        Region {
            ptr: os::map(size),
            size,
        }
    }

    /// This region made at least `size` bytes long, its content kept (still zero). A
    /// growing heap thus keeps the pages its last spaces had in memory, and only the new
    /// ones cost a page fault each.
    pub(crate) fn grown(self, size: usize) -> Region {
        let size = size.next_multiple_of(os::PAGE);
        if size <= self.size {
            return self;
        }
        let region = std::mem::ManuallyDrop::new(self);
        // SAFETY: `ptr..ptr + size` is one whole mapping owned by this region, which is
        // consumed (not dropped) here: the result owns the mapping from now on.
        match unsafe { os::remap(region.ptr, region.size, size) } {
            Some(ptr) => Region { ptr, size },
            None => {
                drop(std::mem::ManuallyDrop::into_inner(region));
                Region::new(size)
            }
        }
    }

    pub(crate) fn start(&self) -> *mut u8 {
        self.ptr
    }

    pub(crate) fn end(&self) -> *mut u8 {
        self.ptr.wrapping_add(self.size)
    }

    pub(crate) fn size(&self) -> usize {
        self.size
    }

    pub(crate) fn contains(&self, addr: usize) -> bool {
        addr >= self.ptr as usize && addr < self.ptr as usize + self.size
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: `ptr..ptr + size` is the whole block made by `os::map`, and the heap
        // drops a region only when nothing references it.
        unsafe { os::unmap(self.ptr, self.size) }
    }
}

#[cfg(unix)]
mod os {
    /// The granularity of mappings (a multiple of the base page size of Linux targets).
    pub(super) const PAGE: usize = 4096;

    /// Maps `size` bytes of private zero pages; fails like the allocator when refused.
    pub(super) fn map(size: usize) -> *mut u8 {
        // SAFETY: an anonymous private mapping at an address the kernel picks has no
        // preconditions; the result is checked for failure.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                size,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            std::alloc::handle_alloc_error(
                std::alloc::Layout::from_size_align(size, PAGE)
                    .unwrap_or(std::alloc::Layout::new::<u128>()),
            );
        }
        ptr as *mut u8
    }

    /// Unmaps a whole mapping made by [`map`].
    ///
    /// # Safety
    /// `ptr..ptr + size` is exactly one mapping from [`map`], referenced by nothing.
    pub(super) unsafe fn unmap(ptr: *mut u8, size: usize) {
        // SAFETY: guaranteed by the caller.
        unsafe { libc::munmap(ptr as *mut libc::c_void, size) };
    }

    /// Grows a whole mapping made by [`map`] to `new_size` bytes, possibly moving it; the
    /// added pages are zero. `None` (the mapping untouched) if the OS refuses.
    ///
    /// # Safety
    /// `ptr..ptr + old_size` is exactly one mapping from [`map`], referenced by nothing.
    #[cfg(target_os = "linux")]
    pub(super) unsafe fn remap(ptr: *mut u8, old_size: usize, new_size: usize) -> Option<*mut u8> {
        // SAFETY: guaranteed by the caller; MREMAP_MAYMOVE lets the kernel pick a new
        // address, and nothing refers to the old one.
        let p = unsafe {
            libc::mremap(
                ptr as *mut libc::c_void,
                old_size,
                new_size,
                libc::MREMAP_MAYMOVE,
            )
        };
        (p != libc::MAP_FAILED).then_some(p as *mut u8)
    }

    /// Without `mremap`, a mapping cannot grow in place: the caller maps a new one.
    ///
    /// # Safety
    /// None needed: nothing is touched.
    #[cfg(not(target_os = "linux"))]
    pub(super) unsafe fn remap(
        _ptr: *mut u8,
        _old_size: usize,
        _new_size: usize,
    ) -> Option<*mut u8> {
        None
    }
}

#[cfg(not(unix))]
mod os {
    use std::alloc::{alloc_zeroed, dealloc, handle_alloc_error, Layout};

    /// The granularity of regions.
    pub(super) const PAGE: usize = 4096;

    fn layout(size: usize) -> Layout {
        Layout::from_size_align(size, PAGE)
            .unwrap_or_else(|_| handle_alloc_error(Layout::new::<u128>()))
    }

    /// Allocates `size` zeroed bytes from the global allocator.
    pub(super) fn map(size: usize) -> *mut u8 {
        // SAFETY: the layout has a non-zero size.
        let ptr = unsafe { alloc_zeroed(layout(size)) };
        if ptr.is_null() {
            handle_alloc_error(layout(size));
        }
        ptr
    }

    /// Regions of the global allocator are not grown: the caller allocates a new one.
    ///
    /// # Safety
    /// None needed: nothing is touched.
    pub(super) unsafe fn remap(
        _ptr: *mut u8,
        _old_size: usize,
        _new_size: usize,
    ) -> Option<*mut u8> {
        None
    }

    /// Frees a whole region made by [`map`].
    ///
    /// # Safety
    /// `ptr..ptr + size` is exactly one region from [`map`], referenced by nothing.
    pub(super) unsafe fn unmap(ptr: *mut u8, size: usize) {
        // SAFETY: guaranteed by the caller: same pointer and layout as the allocation.
        unsafe { dealloc(ptr, layout(size)) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_zeroed_page_multiples() {
        let r = Region::new(10);
        assert_eq!(r.size(), os::PAGE);
        assert_eq!(r.start() as usize % os::PAGE, 0);
        assert!(r.contains(r.start() as usize + 9));
        assert!(!r.contains(r.end() as usize));
        // SAFETY: the region is owned here and `size` bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(r.start(), r.size()) };
        assert!(bytes.iter().all(|&b| b == 0));
    }

    #[test]
    fn grown_regions_keep_their_content_and_add_zeroes() {
        let r = Region::new(os::PAGE);
        // SAFETY: the region is owned here and a page long.
        unsafe { *r.start().add(5) = 7 };
        let r = r.grown(3 * os::PAGE + 1);
        assert_eq!(r.size(), 4 * os::PAGE);
        // SAFETY: the grown region is owned here and `size` bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(r.start(), r.size()) };
        assert_eq!(bytes[5], 7);
        assert_eq!(bytes.iter().filter(|&&b| b != 0).count(), 1);
    }
}
