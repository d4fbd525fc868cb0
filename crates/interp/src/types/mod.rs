//! The builtin types: one module per type (layout helpers, methods, dunders), each with an
//! `init` that registers its methods on its builtin class.

pub mod boxed;
pub mod builtin_func;
pub mod bytes;
pub mod class;
pub mod code;
pub mod complex;
pub mod dict;
pub mod exception;
pub mod file;
pub mod float;
pub mod format;
pub mod frame;
pub mod function;
pub mod genericalias;
pub mod getset;
pub mod identity;
pub mod instance;
pub mod int;
pub mod iters;
pub mod list;
pub mod mappingproxy;
pub mod memoryview;
pub mod module;
pub mod native;
pub mod object;
pub mod range;
pub mod reduce;
pub mod seqops;
pub mod set;
pub mod slice;
pub mod slots;
pub mod str;
pub mod tuple;
pub mod union;
pub mod weakref;

use crate::vm::Vm;

/// Registers the methods of every builtin class.
pub(crate) fn init_all(vm: &mut Vm) {
    object::init(vm);
    object::init_singletons(vm);
    function::init(vm);
    builtin_func::init(vm);
    exception::init(vm);
    int::init(vm);
    float::init(vm);
    complex::init(vm);
    str::init(vm);
    bytes::init(vm);
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    mappingproxy::init(vm);
    genericalias::init(vm);
    memoryview::init(vm);
    module::init(vm);
    set::init(vm);
    range::init(vm);
    slots::init(vm);
    getset::init(vm);
    slice::init(vm);
    iters::init(vm);
    file::init(vm);
    code::init(vm);
    frame::init(vm);
    union::init(vm);
    weakref::init(vm);
    reduce::init(vm);
    object::init_docs(vm);
}
