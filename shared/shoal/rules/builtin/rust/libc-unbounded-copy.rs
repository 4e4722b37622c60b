use std::ffi::{CStr, CString};
use std::os::raw::c_char;

pub unsafe fn copy_name(dst: *mut c_char, src: &CStr) {
    // ruleid: memory/rust-libc-unbounded-copy
    libc::strcpy(dst, src.as_ptr());
}

pub fn label(buf: &mut [u8; 32], id: i32) {
    let fmt = CString::new("item-%d").unwrap();
    unsafe {
        // ruleid: memory/rust-libc-unbounded-copy
        libc::sprintf(buf.as_mut_ptr() as *mut c_char, fmt.as_ptr(), id);
    }
}

pub fn label_safely(buf: &mut [u8; 32], id: i32, src: &CStr) {
    let fmt = CString::new("item-%d").unwrap();
    unsafe {
        // ok: memory/rust-libc-unbounded-copy
        libc::snprintf(buf.as_mut_ptr() as *mut c_char, buf.len(), fmt.as_ptr(), id);
        // ok: memory/rust-libc-unbounded-copy
        libc::strncpy(buf.as_mut_ptr() as *mut c_char, src.as_ptr(), buf.len() - 1);
    }
}
