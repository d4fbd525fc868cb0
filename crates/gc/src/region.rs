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
}
