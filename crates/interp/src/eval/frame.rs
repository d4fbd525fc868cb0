//! Interpreter frames: a code object's locals ("localsplus": locals, cells, free variables)
//! followed by its value stack, in one vector.

use crate::value::Value;
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
}

impl Frame {
    /// A frame for `code` with empty locals.
    pub fn new(
        code: &'static CodeObject,
        code_obj: Value,
        func: Value,
        globals: Value,
        builtins: Value,
        locals: Value,
    ) -> Frame {
        let n = code.nlocalsplus();
        let mut values = Vec::with_capacity(n + 8);
        values.resize(n, Value::NULL);
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
