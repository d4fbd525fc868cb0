//! File objects: the OS file and its buffers (owned by a File object), `open()`, and the
//! methods of the text (`TextIOWrapper`) and binary (`BufferedReader`) file classes.
//!
//! Text files are UTF-8. Reads are buffered in `read_buf` (with universal-newline
//! translation applied as chunks come in), writes in `write_buf` (flushed at 8 KiB, at each
//! newline for line-buffered files, and on `flush`/`close`/finalization).

use crate::object::{self, FileObj};
use crate::value::Value;
use crate::vm::{Args, PyResult, Raised, Vm};
use std::io::{Read, Seek, SeekFrom, Write};

/// Size of one read from the OS, and the write buffer's flush threshold.
const CHUNK: usize = 8192;

/// How a text file translates newlines (`open(..., newline=)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: `\r\n` and `\r` read as `\n`; `\n` written as is.
    Universal,
    /// `''`: no translation.
    Untranslated,
    /// `'\n'`: no translation.
    Lf,
    /// `'\r'`: `\n` written as `\r`.
    Cr,
    /// `'\r\n'`: `\n` written as `\r\n`.
    CrLf,
}

/// The Rust side of an open file.
pub struct FileData {
    /// The OS file, or `None` once closed.
    pub file: Option<FileHandle>,
    /// Text mode (str) or binary (bytes).
    pub text: bool,
    /// Opened for reading.
    pub readable: bool,
    /// Opened for writing.
    pub writable: bool,
    /// Bytes read ahead from the OS but not yet returned (already newline-translated).
    pub read_buf: Vec<u8>,
    /// Bytes written but not yet flushed.
    pub write_buf: Vec<u8>,
    /// Flush after every write that contains a newline (stdout on a terminal).
    pub line_buffered: bool,
    /// Newline translation of a text file.
    pub newline: Newline,
    /// A `\r` ended the last chunk read (universal newlines: it may start a `\r\n`).
    pending_cr: bool,
    /// Offsets in `read_buf` of the `\n`s that were `\r\n` in the file (for `tell`).
    collapsed: std::collections::VecDeque<usize>,
    /// The OS reported end of file.
    eof: bool,
}

/// Where a file's bytes come from or go to.
pub enum FileHandle {
    /// A file on disk.
    Disk(std::fs::File),
    /// The process's standard input.
    Stdin,
    /// The process's standard output.
    Stdout,
    /// The process's standard error.
    Stderr,
}

/// GC finalizer of the File layout: flushes and closes.
///
/// # Safety
/// `obj` must be a dead File object owning its box.
pub unsafe fn finalize_file(obj: *mut u8) {
    let f = &mut *(obj as *mut FileObj);
    if !f.data.is_null() {
        let mut data = Box::from_raw(f.data);
        data.flush_quietly();
        f.data = std::ptr::null_mut();
    }
}

/// Translates `\r\n` and lone `\r` to `\n` in a chunk read from a file; a `\r` at the end of
/// the chunk stays pending (in `pending_cr`) until the next chunk or end of file (`eof`).
/// The offsets (in the output) of each `\n` that stands for a two-byte `\r\n` are pushed on
/// `collapsed`.
pub fn translate_newlines(
    chunk: &[u8],
    pending_cr: &mut bool,
    eof: bool,
    collapsed: &mut Vec<usize>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(chunk.len() + 1);
    for &b in chunk {
        if *pending_cr {
            *pending_cr = false;
            if b == b'\n' {
                collapsed.push(out.len());
                out.push(b'\n');
                continue;
            }
            out.push(b'\n');
        }
        if b == b'\r' {
            *pending_cr = true;
        } else {
            out.push(b);
        }
    }
    if eof && *pending_cr {
        *pending_cr = false;
        out.push(b'\n');
    }
    out
}

/// The byte length of the first `n` UTF-8 characters of `buf` (or of all of `buf` if it
/// holds fewer), never splitting a character whose bytes are all present.
fn char_prefix_len(buf: &[u8], n: usize) -> usize {
    let mut chars = 0;
    for (i, &b) in buf.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if chars == n {
                return i;
            }
            chars += 1;
        }
    }
    buf.len()
}

/// Whether `buf` ends in the middle of a UTF-8 character.
fn ends_mid_char(buf: &[u8]) -> bool {
    let start = buf.len().saturating_sub(4);
    for i in (start..buf.len()).rev() {
        let b = buf[i];
        if b & 0xC0 != 0x80 {
            let need = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else if b >= 0xC0 {
                2
            } else {
                1
            };
            return buf.len() - i < need;
        }
    }
    false
}

impl FileData {
    /// A new open file.
    pub fn new(file: FileHandle, text: bool, readable: bool, writable: bool) -> FileData {
        FileData {
            file: Some(file),
            text,
            readable,
            writable,
            read_buf: Vec::new(),
            write_buf: Vec::new(),
            line_buffered: false,
            newline: Newline::Universal,
            pending_cr: false,
            collapsed: std::collections::VecDeque::new(),
            eof: false,
        }
    }

    /// Writes out the write buffer, ignoring errors (used at finalization and exit).
    pub fn flush_quietly(&mut self) {
        let _ = self.flush();
    }

    /// Writes out the write buffer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.write_buf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.write_buf);
        match &mut self.file {
            Some(FileHandle::Disk(f)) => f.write_all(&buf),
            Some(FileHandle::Stdout) => {
                let mut out = std::io::stdout().lock();
                out.write_all(&buf)?;
                out.flush()
            }
            Some(FileHandle::Stderr) => std::io::stderr().lock().write_all(&buf),
            Some(FileHandle::Stdin) | None => Ok(()),
        }
    }

    /// Buffers `bytes` for writing (translating newlines of a text file), flushing as the
    /// buffering policy says. Read-ahead is dropped first (the OS position moves back).
    pub fn write_bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.drop_read_ahead()?;
        let has_nl = bytes.contains(&b'\n');
        match (self.text, self.newline) {
            (true, Newline::Cr) if has_nl => {
                self.write_buf
                    .extend(bytes.iter().map(|&b| if b == b'\n' { b'\r' } else { b }))
            }
            (true, Newline::CrLf) if has_nl => {
                for &b in bytes {
                    if b == b'\n' {
                        self.write_buf.push(b'\r');
                    }
                    self.write_buf.push(b);
                }
            }
            _ => self.write_buf.extend_from_slice(bytes),
        }
        if matches!(self.file, Some(FileHandle::Stderr))
            || self.write_buf.len() >= CHUNK
            || (self.line_buffered && has_nl)
        {
            self.flush()?;
        }
        Ok(())
    }

    /// Forgets read-ahead bytes, moving a disk file's position back to where the reader is.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        if self.read_buf.is_empty() && !self.pending_cr {
            return Ok(());
        }
        let back = self.buffered_raw_len();
        self.clear_read_ahead();
        self.eof = false;
        if let Some(FileHandle::Disk(f)) = &mut self.file {
            f.seek(SeekFrom::Current(-back))?;
        }
        Ok(())
    }

    /// Reads one chunk from the OS into `read_buf`; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        self.flush()?;
        let mut chunk = vec![0u8; CHUNK];
        let n = loop {
            let r = match &mut self.file {
                Some(FileHandle::Disk(f)) => f.read(&mut chunk),
                Some(FileHandle::Stdin) => std::io::stdin().read(&mut chunk),
                _ => Ok(0),
            };
            match r {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                r => break r?,
            }
        };
        chunk.truncate(n);
        if n == 0 {
            self.eof = true;
        }
        if self.text && self.newline == Newline::Universal {
            let base = self.read_buf.len();
            let mut collapsed = Vec::new();
            let t = translate_newlines(&chunk, &mut self.pending_cr, n == 0, &mut collapsed);
            self.collapsed
                .extend(collapsed.into_iter().map(|o| o + base));
            self.read_buf.extend_from_slice(&t);
        } else {
            self.read_buf.extend_from_slice(&chunk);
        }
        Ok(n > 0)
    }

    /// Reads everything up to end of file.
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        let n = self.read_buf.len();
        Ok(self.take(n))
    }

    /// Reads up to `n` bytes (binary) or characters (text); fewer only at end of file.
    pub fn read_n(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        loop {
            let have = if self.text {
                char_prefix_len(&self.read_buf, n)
            } else {
                self.read_buf.len().min(n)
            };
            let complete = if self.text {
                have < self.read_buf.len()
                    || (self.count_chars() >= n && !ends_mid_char(&self.read_buf))
            } else {
                have == n
            };
            if complete || !self.fill()? {
                let have = if self.text {
                    char_prefix_len(&self.read_buf, n)
                } else {
                    self.read_buf.len().min(n)
                };
                return Ok(self.take(have));
            }
        }
    }

    /// Removes and returns the first `k` bytes of the read-ahead.
    fn take(&mut self, k: usize) -> Vec<u8> {
        while self.collapsed.front().is_some_and(|&o| o < k) {
            self.collapsed.pop_front();
        }
        for o in self.collapsed.iter_mut() {
            *o -= k;
        }
        self.read_buf.drain(..k).collect()
    }

    /// How many bytes of the file the read-ahead stands for.
    fn buffered_raw_len(&self) -> i64 {
        (self.read_buf.len() + self.collapsed.len()) as i64 + i64::from(self.pending_cr)
    }

    /// Forgets the read-ahead (after a seek or before a write).
    fn clear_read_ahead(&mut self) {
        self.read_buf.clear();
        self.collapsed.clear();
        self.pending_cr = false;
        self.eof = false;
    }

    fn count_chars(&self) -> usize {
        self.read_buf.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }

    /// Reads one line (with its `\n`), at most `limit` bytes/characters when given.
    pub fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            if let Some(i) = self.read_buf[scanned..].iter().position(|&b| b == b'\n') {
                let end = scanned + i + 1;
                let end = match limit {
                    Some(l) if self.text => end.min(char_prefix_len(&self.read_buf, l)),
                    Some(l) => end.min(l),
                    None => end,
                };
                return Ok(self.take(end));
            }
            if let Some(l) = limit {
                let over = if self.text {
                    self.count_chars() > l
                } else {
                    self.read_buf.len() >= l
                };
                if over {
                    let end = if self.text {
                        char_prefix_len(&self.read_buf, l)
                    } else {
                        l
                    };
                    return Ok(self.take(end));
                }
            }
            scanned = self.read_buf.len();
            if !self.fill()? {
                let end = match limit {
                    Some(l) if self.text => char_prefix_len(&self.read_buf, l),
                    Some(l) => l.min(self.read_buf.len()),
                    None => self.read_buf.len(),
                };
                return Ok(self.take(end));
            }
        }
    }

    /// The current position (bytes from the start of a disk file).
    pub fn tell(&mut self) -> std::io::Result<u64> {
        match &mut self.file {
            Some(FileHandle::Disk(f)) => {
                let pos = f.stream_position()? as i64;
                let pos = pos - self.buffered_raw_len() + self.write_buf.len() as i64;
                Ok(pos.max(0) as u64)
            }
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    /// Moves to `pos` from the start (0), the current position (1) or the end (2).
    pub fn seek(&mut self, pos: i64, whence: i64) -> std::io::Result<u64> {
        self.flush()?;
        let target = match whence {
            0 => SeekFrom::Start(pos.max(0) as u64),
            1 => {
                let here = self.tell()? as i64;
                SeekFrom::Start(here.saturating_add(pos).max(0) as u64)
            }
            _ => SeekFrom::End(pos),
        };
        self.clear_read_ahead();
        match &mut self.file {
            Some(FileHandle::Disk(f)) => f.seek(target),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }
}

/// The file state of a File object (`None` for other values or a file being finalized).
pub fn file_data<'a>(v: Value) -> Option<&'a mut FileData> {
    let f = object::downcast::<FileObj>(v)?;
    if f.data.is_null() {
        return None;
    }
    // SAFETY: a live File object's `data` is the box it owns (freed only by the finalizer).
    Some(unsafe { &mut *f.data })
}

/// A new File object of class `cls` owning `data`.
pub fn new_file(vm: &mut Vm, cls: Value, data: FileData, name: Value, mode: &str) -> Value {
    let mode = crate::types::str::new_str(vm, mode);
    let (v, f) = vm.alloc_obj::<FileObj>(cls);
    f.data = Box::into_raw(Box::new(data));
    f.name = name;
    f.mode = mode;
    v
}

/// The `strerror` text of an OS error (Rust's message without " (os error N)").
fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Raises the `OSError` subclass matching `err` (as CPython maps errno values), with
/// `filename` (NULL for none): `FileNotFoundError(2, 'No such file or directory')`.
pub fn os_error_from_io(vm: &mut Vm, err: &std::io::Error, filename: Value) -> Raised {
    let Some(errno) = err.raw_os_error() else {
        let msg = err.to_string();
        let c = vm.cls.os_error;
        return vm.raise_new(c, &msg);
    };
    let cls = match errno {
        1 | 13 => vm.cls.permission_error,
        2 => vm.cls.file_not_found_error,
        3 => vm.cls.process_lookup_error,
        4 => vm.cls.interrupted_error,
        10 => vm.cls.child_process_error,
        11 | 114 | 115 => vm.cls.blocking_io_error,
        17 => vm.cls.file_exists_error,
        20 => vm.cls.not_a_directory_error,
        21 => vm.cls.is_a_directory_error,
        32 => vm.cls.broken_pipe_error,
        103 => vm.cls.connection_aborted_error,
        104 => vm.cls.connection_reset_error,
        110 => vm.cls.timeout_error,
        111 => vm.cls.connection_refused_error,
        _ => vm.cls.os_error,
    };
    let text = strerror(err);
    let no = Value::from_usize(errno.max(0) as usize);
    let msg = crate::types::str::new_str(vm, &text);
    let mut args = vec![no, msg];
    if !filename.is_null() {
        args.push(filename);
    }
    match crate::ops::call::call(vm, cls, &args) {
        Ok(e) => vm.raise(e),
        Err(r) => r,
    }
}

fn closed_error(vm: &mut Vm) -> Raised {
    vm.value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation` (created once, kept on the file class).
fn unsupported(vm: &mut Vm, msg: &str) -> Raised {
    let name = vm.intern("_UnsupportedOperation");
    let cls =
        crate::types::dict::get_str_key(crate::types::class::class_obj(vm.cls.file).dict, name);
    let cls = cls.unwrap_or(vm.cls.os_error);
    vm.raise_new(cls, msg)
}

fn create_unsupported_class(vm: &mut Vm) -> PyResult<Value> {
    let ns = crate::types::dict::new_dict(vm);
    let m = vm.names.__module__;
    let io = vm.intern("io");
    crate::types::dict::set_str_key(ns, m, io);
    let name = vm.intern("UnsupportedOperation");
    let bases = [vm.cls.os_error, vm.cls.value_error];
    let meta = vm.cls.type_;
    crate::types::class::new_class(vm, meta, name, &bases, ns)
}

/// The receiver's open file state: `ValueError` if closed, `TypeError` if not a file.
fn open_data<'a>(vm: &mut Vm, f: Value) -> PyResult<&'a mut FileData> {
    match file_data(f) {
        Some(d) if d.file.is_some() => Ok(d),
        Some(_) => Err(closed_error(vm)),
        None => {
            let t = crate::types::class::type_name(vm, f).to_string();
            Err(vm.type_error(format!(
                "descriptor requires a file object, but received '{t}'"
            )))
        }
    }
}

fn readable_data<'a>(vm: &mut Vm, f: Value) -> PyResult<&'a mut FileData> {
    let d = open_data(vm, f)?;
    if !d.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(d)
}

fn writable_data<'a>(vm: &mut Vm, f: Value) -> PyResult<&'a mut FileData> {
    let d = open_data(vm, f)?;
    if !d.writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(d)
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> Raised {
    os_error_from_io(vm, &e, Value::NULL)
}

/// Makes the result of a read: str for text files (UTF-8), bytes for binary ones.
fn read_result(vm: &mut Vm, text: bool, bytes: Vec<u8>) -> PyResult {
    if !text {
        return Ok(crate::types::bytes::new_bytes(vm, &bytes));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(crate::types::str::new_str(vm, &s)),
        Err(e) => {
            let err = e.utf8_error();
            let pos = err.valid_up_to();
            let b = e.as_bytes().get(pos).copied().unwrap_or(0);
            let reason = if err.error_len().is_none() {
                "unexpected end of data"
            } else if b >= 0x80 && b < 0xC0 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            let data = e.as_bytes();
            let end = match err.error_len() {
                Some(_) => pos + 1,
                None => data.len(),
            };
            Err(crate::types::exception::unicode::decode_error(
                vm, "utf-8", data, pos, end, reason,
            ))
        }
    }
}

/// Reads a size argument: None or negative = everything.
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v == vm.none => Ok(None),
        Some(v) if crate::types::int::is_int(v) => {
            let n = crate::ops::convert::index_isize(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
        Some(v) => {
            let t = crate::types::class::type_name(vm, v).to_string();
            Err(vm.type_error(format!("argument should be integer or None, not '{t}'")))
        }
    }
}

/// `f.read(size=-1)`.
fn file_read(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "read", 1, 2)?;
    let n = size_arg(vm, args.pos.get(1).copied())?;
    let d = readable_data(vm, args.pos[0])?;
    let text = d.text;
    let r = match n {
        None => d.read_all(),
        Some(n) => d.read_n(n),
    };
    let bytes = r.map_err(|e| io_err(vm, e))?;
    read_result(vm, text, bytes)
}

/// Reads a line limit argument (`readline(size)`): an int via `__index__`, or None.
fn limit_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v == vm.none => Ok(None),
        Some(v) => {
            let n = crate::ops::convert::index_isize(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// `f.readline(size=-1)`.
fn file_readline(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "readline", 1, 2)?;
    let limit = limit_arg(vm, args.pos.get(1).copied())?;
    let d = readable_data(vm, args.pos[0])?;
    let text = d.text;
    let bytes = d.read_line(limit).map_err(|e| io_err(vm, e))?;
    read_result(vm, text, bytes)
}

/// `f.readlines(hint=-1)`.
fn file_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "readlines", 1, 2)?;
    let hint = limit_arg(vm, args.pos.get(1).copied())?.filter(|&h| h > 0);
    let f = args.pos[0];
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let d = readable_data(vm, f)?;
        let text = d.text;
        let bytes = d.read_line(None).map_err(|e| io_err(vm, e))?;
        if bytes.is_empty() {
            break;
        }
        total += bytes.len();
        lines.push(read_result(vm, text, bytes)?);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(crate::types::list::new_list(vm, lines))
}

/// Writes `s` (a str for text files, a bytes-like object for binary ones) to an open file;
/// returns the length written (characters or bytes).
pub fn write_value(vm: &mut Vm, f: Value, s: Value) -> PyResult<usize> {
    let text = open_data(vm, f)?.text;
    if text {
        let Some(so) = crate::types::str::as_str_obj(s) else {
            let t = crate::types::class::type_name(vm, s).to_string();
            return Err(vm.type_error(format!("write() argument must be str, not {t}")));
        };
        let (text, n) = (so.as_str(), so.char_len as usize);
        write_text(vm, f, text)?;
        Ok(n)
    } else {
        let bytes: Vec<u8> = if let Some(b) = crate::types::bytes::as_bytes(s) {
            b.to_vec()
        } else if let Some(b) = crate::types::bytes::as_bytearray(s) {
            b.clone()
        } else {
            let t = crate::types::class::type_name(vm, s).to_string();
            return Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")));
        };
        let d = writable_data(vm, f)?;
        if matches!(d.file, Some(FileHandle::Stdout | FileHandle::Stderr)) {
            // `sys.stdout.buffer`: keep the order with text written to the stream.
            crate::builtins::flush_stdout(vm);
            let d = writable_data(vm, f)?;
            d.write_bytes(&bytes)
                .and_then(|_| d.flush())
                .map_err(|e| io_err(vm, e))?;
        } else {
            d.write_bytes(&bytes).map_err(|e| io_err(vm, e))?;
        }
        Ok(bytes.len())
    }
}

/// Writes text to an open File object (flushing stdout first when writing to stderr).
pub fn write_text(vm: &mut Vm, f: Value, s: &str) -> PyResult<()> {
    let d = writable_data(vm, f)?;
    if matches!(d.file, Some(FileHandle::Stderr)) {
        crate::builtins::flush_stdout(vm);
    }
    let d = writable_data(vm, f)?;
    d.write_bytes(s.as_bytes()).map_err(|e| io_err(vm, e))
}

/// `f.write(s)`.
fn file_write(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "write", 2, 2)?;
    let n = write_value(vm, args.pos[0], args.pos[1])?;
    Ok(Value::from_usize(n))
}

/// `f.writelines(lines)`.
fn file_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "writelines", 2, 2)?;
    let f = args.pos[0];
    open_data(vm, f)?;
    let it = crate::ops::iter::iter(vm, args.pos[1])?;
    while let Some(line) = crate::ops::iter::next(vm, it)? {
        write_value(vm, f, line)?;
    }
    Ok(vm.none)
}

/// Flushes a File object's buffer.
pub fn flush_file(vm: &mut Vm, f: Value) -> PyResult<()> {
    let d = open_data(vm, f)?;
    d.flush().map_err(|e| io_err(vm, e))
}

/// `f.flush()`.
fn file_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "flush", 1, 1)?;
    flush_file(vm, args.pos[0])?;
    Ok(vm.none)
}

/// `f.close()`: flushes and releases the OS file (the standard streams stay open in the OS).
fn file_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "close", 1, 1)?;
    if let Some(d) = file_data(args.pos[0]) {
        if d.file.is_some() {
            let r = d.flush();
            d.file = None;
            d.clear_read_ahead();
            r.map_err(|e| io_err(vm, e))?;
        }
    }
    Ok(vm.none)
}

/// `f.__enter__()`.
fn file_enter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__enter__", 1, 1)?;
    open_data(vm, args.pos[0])?;
    Ok(args.pos[0])
}

/// `f.__exit__(*exc)`.
fn file_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let recv = args.pos.first().copied().unwrap_or(Value::NULL);
    file_close(vm, Args::positional(&[recv]))
}

/// `f.__iter__()`.
fn file_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__iter__", 1, 1)?;
    open_data(vm, args.pos[0])?;
    Ok(args.pos[0])
}

/// `f.__next__()`: the next line; `StopIteration` at end of file.
fn file_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__next__", 1, 1)?;
    let d = readable_data(vm, args.pos[0])?;
    let text = d.text;
    let bytes = d.read_line(None).map_err(|e| io_err(vm, e))?;
    if bytes.is_empty() {
        let none = vm.none;
        return Err(vm.stop_iteration(none));
    }
    read_result(vm, text, bytes)
}

/// `f.seek(offset, whence=0)`.
fn file_seek(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "seek", 2, 3)?;
    let pos = crate::ops::convert::index_isize(vm, args.pos[1])?;
    let whence = match args.pos.get(2) {
        Some(&w) => crate::ops::convert::index_isize(vm, w)?,
        None => 0,
    };
    let d = open_data(vm, args.pos[0])?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if d.text && ((whence != 0 && pos != 0) || pos < 0) {
        let msg = if pos < 0 {
            format!("negative seek position {pos}")
        } else if whence == 1 {
            "can't do nonzero cur-relative seeks".to_string()
        } else {
            "can't do nonzero end-relative seeks".to_string()
        };
        return Err(if pos < 0 {
            vm.value_error(msg)
        } else {
            unsupported(vm, &msg)
        });
    }
    if !matches!(d.file, Some(FileHandle::Disk(_))) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let r = d.seek(pos, whence).map_err(|e| io_err(vm, e))?;
    Ok(crate::types::int::new_int(vm, r.into()))
}

/// `f.tell()`.
fn file_tell(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "tell", 1, 1)?;
    let d = open_data(vm, args.pos[0])?;
    if !matches!(d.file, Some(FileHandle::Disk(_))) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let r = d.tell().map_err(|e| io_err(vm, e))?;
    Ok(crate::types::int::new_int(vm, r.into()))
}

/// `f.readable()`.
fn file_readable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "readable", 1, 1)?;
    let r = open_data(vm, args.pos[0])?.readable;
    Ok(vm.bool(r))
}

/// `f.writable()`.
fn file_writable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "writable", 1, 1)?;
    let w = open_data(vm, args.pos[0])?.writable;
    Ok(vm.bool(w))
}

/// `f.seekable()`.
fn file_seekable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "seekable", 1, 1)?;
    let s = matches!(open_data(vm, args.pos[0])?.file, Some(FileHandle::Disk(_)));
    Ok(vm.bool(s))
}

/// `f.isatty()`.
fn file_isatty(vm: &mut Vm, args: Args<'_>) -> PyResult {
    use std::io::IsTerminal;
    args.check(vm, "isatty", 1, 1)?;
    let t = match &open_data(vm, args.pos[0])?.file {
        Some(FileHandle::Disk(f)) => f.is_terminal(),
        Some(FileHandle::Stdin) => std::io::stdin().is_terminal(),
        Some(FileHandle::Stdout) => std::io::stdout().is_terminal(),
        Some(FileHandle::Stderr) => std::io::stderr().is_terminal(),
        None => false,
    };
    Ok(vm.bool(t))
}

/// `f.fileno()`.
fn file_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    use std::os::fd::AsRawFd;
    args.check(vm, "fileno", 1, 1)?;
    let fd = match &open_data(vm, args.pos[0])?.file {
        Some(FileHandle::Disk(f)) => f.as_raw_fd(),
        Some(FileHandle::Stdin) => 0,
        Some(FileHandle::Stdout) => 1,
        Some(FileHandle::Stderr) => 2,
        None => -1,
    };
    Ok(Value::from_usize(fd.max(0) as usize))
}

/// `f.truncate(size=None)`.
fn file_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "truncate", 1, 2)?;
    let size = match args.pos.get(1) {
        Some(&v) if v != vm.none => Some(crate::ops::convert::index_isize(vm, v)?),
        _ => None,
    };
    let d = writable_data(vm, args.pos[0])?;
    d.flush().map_err(|e| io_err(vm, e))?;
    let here = d.tell().map_err(|e| io_err(vm, e))?;
    let size = size.map(|s| s.max(0) as u64).unwrap_or(here);
    let r = match &mut d.file {
        Some(FileHandle::Disk(f)) => f.set_len(size),
        _ => Err(std::io::Error::from_raw_os_error(29)),
    };
    r.map_err(|e| io_err(vm, e))?;
    Ok(crate::types::int::new_int(vm, size.into()))
}

/// `f.closed`.
fn file_closed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let closed = args
        .pos
        .first()
        .and_then(|&f| file_data(f))
        .is_none_or(|d| d.file.is_none());
    Ok(vm.bool(closed))
}

/// `f.name`.
fn file_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args
        .pos
        .first()
        .and_then(|&f| object::downcast::<FileObj>(f))
        .map(|f| f.name)
        .unwrap_or(vm.none))
}

/// `f.mode`.
fn file_mode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args
        .pos
        .first()
        .and_then(|&f| object::downcast::<FileObj>(f))
        .map(|f| f.mode)
        .unwrap_or(vm.none))
}

/// `f.encoding` (text files).
fn file_encoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let std = args
        .pos
        .first()
        .and_then(|&f| file_data(f))
        .is_some_and(|d| !matches!(d.file, Some(FileHandle::Disk(_)) | None));
    Ok(crate::types::str::new_str(
        vm,
        if std { "utf-8" } else { "UTF-8" },
    ))
}

/// `f.errors` (text files).
fn file_errors(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(crate::types::str::new_str(vm, "strict"))
}

/// `f.line_buffering` (text files).
fn file_line_buffering(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let lb = args
        .pos
        .first()
        .and_then(|&f| file_data(f))
        .is_some_and(|d| d.line_buffered);
    Ok(vm.bool(lb))
}

/// `f.buffer` of a standard stream: a binary file on the same stream.
fn file_buffer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = args.pos.first().copied().unwrap_or(Value::NULL);
    let (handle, read) = match open_data(vm, f)?.file {
        Some(FileHandle::Stdin) => (FileHandle::Stdin, true),
        Some(FileHandle::Stdout) => (FileHandle::Stdout, false),
        Some(FileHandle::Stderr) => (FileHandle::Stderr, false),
        _ => return Err(vm.not_implemented("the buffer of a text file")),
    };
    let name = object::downcast::<FileObj>(f)
        .map(|o| o.name)
        .unwrap_or(vm.none);
    let data = FileData::new(handle, false, read, !read);
    let cls = vm.cls.binary_file;
    Ok(new_file(
        vm,
        cls,
        data,
        name,
        if read { "rb" } else { "wb" },
    ))
}

/// `repr(f)`: `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`.
fn file_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.check(vm, "__repr__", 1, 1)?;
    let f = args.pos[0];
    let Some(fo) = object::downcast::<FileObj>(f) else {
        return Err(vm.type_error("descriptor '__repr__' requires a file object"));
    };
    let (name, mode) = (fo.name, fo.mode);
    let name = crate::ops::convert::repr_string(vm, name)?;
    let mode_s = crate::types::str::as_str(mode).unwrap_or("").to_string();
    let Some(d) = file_data(f) else {
        return Ok(crate::types::str::new_str(vm, "<_io.TextIOWrapper>"));
    };
    let s = if d.text {
        let enc = if matches!(d.file, Some(FileHandle::Disk(_)) | None) {
            "UTF-8"
        } else {
            "utf-8"
        };
        format!("<_io.TextIOWrapper name={name} mode='{mode_s}' encoding='{enc}'>")
    } else {
        let kind = if mode_s.contains('+') {
            "BufferedRandom"
        } else if d.writable {
            "BufferedWriter"
        } else {
            "BufferedReader"
        };
        format!("<_io.{kind} name={name}>")
    };
    Ok(crate::types::str::new_str(vm, &s))
}

/// The parsed `mode` of `open()`.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create_new: bool,
    truncate: bool,
    binary: bool,
}

/// Parses an `open()` mode string with CPython's checks and messages.
fn parse_mode(mode: &str) -> Result<Mode, String> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+U".contains(c) || seen.contains(c) {
            return Err(format!("invalid mode: '{mode}'"));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let kinds = ['r', 'w', 'a', 'x'].iter().filter(|&&c| has(c)).count();
    if has('t') && has('b') {
        return Err("can't have text and binary mode at once".into());
    }
    if has('U') {
        return Err(format!("invalid mode: '{mode}'"));
    }
    if kinds != 1 {
        return Err("must have exactly one of create/read/write/append mode".into());
    }
    let plus = has('+');
    Ok(Mode {
        read: has('r') || plus,
        write: !has('r') || plus,
        append: has('a'),
        create_new: has('x'),
        truncate: has('w'),
        binary: has('b'),
    })
}

/// The path of an `open()`/`os` path argument: str, bytes or `os.PathLike`.
pub fn fspath(vm: &mut Vm, p: Value) -> PyResult<String> {
    if let Some(s) = crate::types::str::as_str(p) {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::types::bytes::as_bytes(p) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    let name = vm.intern("__fspath__");
    if let Some(r) = crate::ops::call_special(vm, p, name, &[])? {
        if let Some(s) = crate::types::str::as_str(r) {
            return Ok(s.to_string());
        }
        if let Some(b) = crate::types::bytes::as_bytes(r) {
            return Ok(String::from_utf8_lossy(b).into_owned());
        }
        let (t, rt) = (
            crate::types::class::type_name(vm, p).to_string(),
            crate::types::class::type_name(vm, r).to_string(),
        );
        return Err(vm.type_error(format!(
            "expected {t}.__fspath__() to return str or bytes, not {rt}"
        )));
    }
    let t = crate::types::class::type_name(vm, p).to_string();
    Err(vm.type_error(format!(
        "expected str, bytes or os.PathLike object, not {t}"
    )))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let names = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let a = crate::builtins::bind(vm, &args, "open", &names, 1)?;
    let file = a[0].unwrap_or(Value::NULL);
    let none = vm.none;
    let mode_v = a[1].unwrap_or(Value::NULL);
    let mode_s = if mode_v.is_null() {
        "r".to_string()
    } else {
        match crate::types::str::as_str(mode_v) {
            Some(s) => s.to_string(),
            None => {
                let t = crate::types::class::type_name(vm, mode_v).to_string();
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {t}")));
            }
        }
    };
    let str_opt = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) if v == none => Ok(None),
            Some(v) => match crate::types::str::as_str(v) {
                Some(s) => Ok(Some(s.to_string())),
                None => {
                    let t = crate::types::class::type_name(vm, v).to_string();
                    Err(vm.type_error(format!(
                        "open() argument '{what}' must be str or None, not {t}"
                    )))
                }
            },
        }
    };
    let encoding = str_opt(vm, a[3], "encoding")?;
    let errors = str_opt(vm, a[4], "errors")?;
    let newline = str_opt(vm, a[5], "newline")?;
    let mode = parse_mode(&mode_s).map_err(|m| vm.value_error(m))?;
    if mode.binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if mode.binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if mode.binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    if crate::types::int::is_int(file) {
        return Err(vm.not_implemented("open() of a file descriptor"));
    }
    let path = fspath(vm, file)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(mode.read)
        .write(mode.write && !mode.append)
        .append(mode.append);
    if mode.create_new {
        opts.create_new(true);
    } else if mode.write {
        opts.create(true);
    }
    opts.truncate(mode.truncate);
    let f = match opts.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(os_error_from_io(vm, &e, file)),
    };
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error_from_io(vm, &e, file));
    }
    let nl = match newline.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => return Err(vm.value_error(format!("illegal newline value: {other}"))),
    };
    if let Some(enc) = &encoding {
        let norm = enc.to_ascii_lowercase().replace(['-', '_'], "");
        if !matches!(norm.as_str(), "utf8" | "ascii" | "usascii" | "locale") {
            let known = [
                "latin1", "iso88591", "utf16", "utf32", "cp1252", "cp437", "utf8sig", "latin",
            ];
            if known.contains(&norm.as_str()) {
                return Err(vm.not_implemented(format!("the {enc} encoding")));
            }
            let c = vm.cls.lookup_error;
            return Err(vm.raise_new(c, &format!("unknown encoding: {enc}")));
        }
    }
    let mut data = FileData::new(FileHandle::Disk(f), !mode.binary, mode.read, mode.write);
    data.newline = nl;
    let cls = if mode.binary {
        vm.cls.binary_file
    } else {
        vm.cls.file
    };
    let shown_mode = if mode.binary {
        mode_s.clone()
    } else {
        mode_s.replace('t', "")
    };
    Ok(new_file(vm, cls, data, file, &shown_mode))
}

/// Registers the methods of the file classes.
pub(crate) fn init(vm: &mut Vm) {
    let methods: &[(&str, crate::vm::NativeFn)] = &[
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("write", file_write),
        ("writelines", file_writelines),
        ("flush", file_flush),
        ("close", file_close),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__iter__", file_iter),
        ("__next__", file_next),
        ("seek", file_seek),
        ("tell", file_tell),
        ("readable", file_readable),
        ("writable", file_writable),
        ("seekable", file_seekable),
        ("isatty", file_isatty),
        ("fileno", file_fileno),
        ("truncate", file_truncate),
        ("__repr__", file_repr),
    ];
    for cls in [vm.cls.file, vm.cls.binary_file] {
        vm.add_methods(cls, methods);
        vm.add_getset(cls, "closed", file_closed, None);
        vm.add_getset(cls, "name", file_name, None);
        vm.add_getset(cls, "mode", file_mode, None);
    }
    let module = crate::types::str::new_str(vm, "_io");
    let key = vm.names.__module__;
    for (cls, full) in [
        (vm.cls.file, "_io.TextIOWrapper"),
        (vm.cls.binary_file, "_io.BufferedReader"),
    ] {
        // As for native classes, the name says the module (`tp_name`); `__name__` is its
        // last part.
        let n = vm.intern(full);
        crate::types::class::class_obj(cls).name = n;
        crate::types::dict::set_str_key(crate::types::class::class_obj(cls).dict, key, module);
    }
    let text = vm.cls.file;
    vm.add_getset(text, "encoding", file_encoding, None);
    vm.add_getset(text, "errors", file_errors, None);
    vm.add_getset(text, "line_buffering", file_line_buffering, None);
    vm.add_getset(text, "buffer", file_buffer, None);
    if let Ok(c) = create_unsupported_class(vm) {
        vm.add_attr(text, "_UnsupportedOperation", c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_newlines_across_chunks() {
        let mut cr = false;
        let mut c = Vec::new();
        assert_eq!(
            translate_newlines(b"a\r\nb\rc\n", &mut cr, false, &mut c),
            b"a\nb\nc\n"
        );
        assert!(!cr);
        assert_eq!(c, [1]);
        assert_eq!(translate_newlines(b"x\r", &mut cr, false, &mut c), b"x");
        assert!(cr);
        assert_eq!(translate_newlines(b"\ny", &mut cr, false, &mut c), b"\ny");
        assert_eq!(c, [1, 0]);
        assert_eq!(translate_newlines(b"z\r", &mut cr, false, &mut c), b"z");
        assert_eq!(translate_newlines(b"", &mut cr, true, &mut c), b"\n");
    }

    #[test]
    fn utf8_prefixes() {
        let s = "héllo".as_bytes();
        assert_eq!(char_prefix_len(s, 2), 3);
        assert_eq!(char_prefix_len(s, 10), s.len());
        assert!(ends_mid_char(&s[..2]));
        assert!(!ends_mid_char(&s[..3]));
    }

    #[test]
    fn modes() {
        assert!(parse_mode("rb").is_ok_and(|m| m.read && !m.write && m.binary));
        assert!(parse_mode("a+").is_ok_and(|m| m.read && m.write && m.append));
        assert_eq!(
            parse_mode("rr").err().as_deref(),
            Some("invalid mode: 'rr'")
        );
        assert_eq!(
            parse_mode("rw").err().as_deref(),
            Some("must have exactly one of create/read/write/append mode")
        );
        assert_eq!(
            parse_mode("rbt").err().as_deref(),
            Some("can't have text and binary mode at once")
        );
    }

    #[test]
    fn disk_round_trip() {
        let path = std::env::temp_dir().join(format!("pyrs_file_test_{}", std::process::id()));
        let f = std::fs::File::create(&path).expect("temp file");
        let mut d = FileData::new(FileHandle::Disk(f), true, false, true);
        d.write_bytes("héllo\r\nworld\nlast".as_bytes())
            .expect("write");
        d.flush().expect("flush");
        let f = std::fs::File::open(&path).expect("reopen");
        let mut d = FileData::new(FileHandle::Disk(f), true, true, false);
        assert_eq!(d.read_n(2).expect("read"), "hé".as_bytes());
        assert_eq!(d.tell().expect("tell"), 3);
        assert_eq!(d.read_line(None).expect("line"), b"llo\n");
        assert_eq!(d.tell().expect("tell"), 8);
        assert_eq!(d.read_line(Some(3)).expect("line"), b"wor");
        assert_eq!(d.read_all().expect("all"), b"ld\nlast");
        assert_eq!(d.read_line(None).expect("eof"), b"");
        let _ = std::fs::remove_file(&path);
    }
}
