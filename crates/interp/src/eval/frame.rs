//! Interpreter frames: a code object's locals ("localsplus": locals, cells, free variables)
//! followed by its value stack, in one vector.

use crate::value::Value;
use crate::vm::Vm;
use pyrs_frontend::bytecode::CodeObject;
use pyrs_gc::vm::Visitor;

/// One activation of a code object.
pub struct Frame {
    /// The code (leaked: code objects live for the whole run).
    pub code: &'static CodeObject,
    /// The code object Value (pinned).
    pub code_obj: Value,
    /// The function being run, or NULL for module and class bodies.
    pub func: Value,
    /// The globals dict.
    pub globals: Value,
    /// The builtins dict.
    pub builtins: Value,
    /// The locals mapping for module and class bodies (NULL for functions).
    pub locals: Value,
    /// Next instruction.
    pub pc: u32,
    /// The instruction being executed (for tracebacks and the exception table).
    pub lasti: u32,
    /// Localsplus slots, then the value stack.
    pub values: Vec<Value>,
    /// The generator that owns this frame, or NULL.
    pub generator: Value,
    /// The Python-visible frame object of this activation, or NULL until one is asked for
    /// (`sys._getframe`, a traceback entry, `gi_frame`). Dropping the frame detaches it
    /// (`types::frame::detach`); a frame must never be reused while this is set.
    pub pyframe: Value,
    /// This frame runs the `__init__` of an instance creation that the eval loop inlined:
    /// its return value must be None and is dropped, as the caller's stack already holds
    /// the new instance.
    pub is_init: bool,
    /// What the frame's return (or, for a generator resumed inline, its yield) does to the
    /// frame below it.
    pub returns_to: ReturnTo,
}

/// Where a frame's result goes. Frames the eval loop pushes in place of a nested run (a
/// generator resumed by a `for` loop or `yield from`, a binary operator's dunder method)
/// hand their result to the frame below in the way the instruction that pushed them needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnTo {
    /// Pushed on the caller's stack (calls), or the end of a nested run (generators resumed
    /// by `generator::resume`).
    Caller,
    /// A generator resumed by the `ForIter` of the frame below: a yield pushes the next
    /// item there, a return ends its loop by jumping to `exit`.
    ForIter {
        /// The loop's exit.
        exit: u32,
    },
    /// A generator resumed by the `Send` of the frame below (`yield from`): a yield pushes
    /// the value there, a return replaces the receiver with the result and jumps to `exit`.
    Send {
        /// Where the `yield from` goes on.
        exit: u32,
    },
    /// The left operand's method of the `BinaryOp` `op` of the frame below, whose stack
    /// still holds both operands: the result replaces them, unless it is `NotImplemented`
    /// (then the rest of the operator protocol runs).
    BinOp {
        /// The operator (`BinOp` number).
        op: u8,
    },
}

impl Frame {
    /// A frame for `code` with empty locals and room for the deepest value stack of the
    /// code.
    pub fn new(
        code: &'static CodeObject,
        code_obj: Value,
        func: Value,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Frame {
        let info = super::code::info(code_obj);
        let mut values = Vec::with_capacity(info.frame_size);
        values.resize(info.nlocalsplus, Value::NULL);
        Frame {
            code,
            code_obj,
            func,
            globals,
            builtins,
            locals,
            pc: 0,
            lasti: 0,
            values,
            generator: Value::NULL,
            pyframe: Value::NULL,
            is_init: false,
            returns_to: ReturnTo::Caller,
        }
    }

    /// Number of localsplus slots (the stack starts after them).
    #[inline(always)]
    pub fn nlocalsplus(&self) -> usize {
        self.code.nlocalsplus()
    }

    /// Visits every reference the frame holds (GC roots).
    pub fn visit(&mut self, visit: &mut Visitor<'_>) {
        for v in [
            &mut self.code_obj,
            &mut self.func,
            &mut self.globals,
            &mut self.builtins,
            &mut self.locals,
            &mut self.generator,
            &mut self.pyframe,
        ] {
            visit(&mut v.0);
        }
        for v in &mut self.values {
            visit(&mut v.0);
        }
    }

    /// The source line of the instruction being executed.
    pub fn line(&self) -> u32 {
        self.code
            .locations
            .get(self.lasti as usize)
            .map(|l| l.line)
            .unwrap_or(self.code.firstlineno)
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if !self.pyframe.is_null() {
            crate::types::frame::detach(self);
        }
    }
}

/// Most frames kept for reuse.
const POOL_MAX: usize = 64;

impl Vm {
    /// A frame for `code` (as [`Frame::new`]), reusing a finished frame's memory if one is
    /// pooled.
    pub fn new_frame(
        &mut self,
        code: &'static CodeObject,
        code_obj: Value,
        func: Value,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                // Exhaustive on purpose: a new field must be reset here too.
                let Frame {
                    code: f_code,
                    code_obj: f_code_obj,
                    func: f_func,
                    globals: f_globals,
                    builtins: f_builtins,
                    locals: f_locals,
                    pc,
                    lasti,
                    values,
                    generator,
                    pyframe,
                    is_init,
                    returns_to,
                } = &mut *f;
                let info = super::code::info(code_obj);
                *f_code = code;
                *f_code_obj = code_obj;
                *f_func = func;
                *f_globals = globals;
                *f_builtins = builtins;
                *f_locals = locals;
                *pc = 0;
                *lasti = 0;
                values.clear();
                values.reserve(info.frame_size);
                values.resize(info.nlocalsplus, Value::NULL);
                *generator = Value::NULL;
                *pyframe = Value::NULL;
                *is_init = false;
                *returns_to = ReturnTo::Caller;
                f
            }
            None => Box::new(Frame::new(code, code_obj, func, globals, builtins, locals)),
        }
    }

    /// Gives a finished frame back for reuse. Its frame object, if any, is detached first
    /// (it takes the locals); a frame a generator still refers to is dropped instead.
    pub fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if !f.pyframe.is_null() {
            crate::types::frame::detach(&mut f);
        }
        if f.generator.is_null() && self.frame_pool.len() < POOL_MAX {
            f.values.clear();
            self.frame_pool.push(f);
        }
    }
}
