package sim

import (
	"fmt"
	"slices"
)

// contextManager is what "async with" drives: one kind of manager object.
// Each kind lives in the file named after the code it ports
// (classmanager.go, gen.go, timeout.go, taskgroup.go, exitstack.go), so
// that execWith, callEnter and callExit never ask which kind they hold:
// they emit the trace events around the hooks, the kind does the rest.
type contextManager interface {
	// typeName is type(obj).__name__, as CPython's error messages show it.
	typeName() string
	// aenter is "await type(obj).__aenter__(obj)" (or __enter__ for a
	// plain with): it returns what the as-target binds.
	aenter(x *exec, inst *instance, node int) (Value, flow)
	// aexit is "await type(obj).__aexit__(obj, exc_type, exc, tb)" with
	// the exception the block ended with (nil: None, None, None); a truthy
	// result suppresses that exception.
	aexit(x *exec, inst *instance, exc *Exc, node int) (Value, flow)
}

// partialProtocol is implemented by the kinds whose type may lack
// protocol methods (a class broken on purpose). Every other kind defines
// __aenter__ and __aexit__, and neither __enter__ nor __exit__, as the
// asyncio and contextlib classes do.
type partialProtocol interface {
	hasMethods(sync bool) (enter, exit bool)
}

// customRepr is implemented by the kinds whose repr() the rendered
// program may define; has is false when this object's type does not (its
// repr then shows a memory address, which no trace can reproduce).
type customRepr interface {
	pyRepr() (s string, has bool)
}

// instance is a manager object created by a with item, an assign or an
// enter_async_context.
type instance struct {
	mgr contextManager
	// def is the scenario's definition of a class or generator manager;
	// nil for a library manager, which holds no resource of the learner's
	// and so has no ledger entry.
	def     *ManagerDef
	name    string // how the trace names it (see label)
	seq     int    // index in creation order
	ordinal int    // among instances of its definition, 1-based; 0 if it is the only one

	// ledger
	acquired, released int // event seq, 0 = never

	// set are the attributes its methods assigned (self.NAME = ...)
	// beyond the constructor's parameters; nil until one is.
	set map[string]Value
}

// newInstance records a new manager object named name; def is its
// definition, or nil for a library manager. Only the learner's managers
// count towards Limits.MaxManagers, as only they have ledger entries.
func (e *engine) newInstance(name string, def *ManagerDef, m contextManager) *instance {
	if def != nil {
		e.managers++
		if e.managers > e.limits.MaxManagers {
			e.fail(fmt.Errorf("%w: more than %d manager instances", ErrLimit, e.limits.MaxManagers))
		}
	}
	inst := &instance{mgr: m, def: def, name: name, seq: len(e.insts)}
	e.insts = append(e.insts, inst)
	return inst
}

// typeName is type(obj).__name__ as CPython's error messages show it.
func (inst *instance) typeName() string { return inst.mgr.typeName() }

// hasMethods says which protocol methods type(inst) defines.
func (inst *instance) hasMethods(sync bool) (enter, exit bool) {
	if p, ok := inst.mgr.(partialProtocol); ok {
		return p.hasMethods(sync)
	}
	return !sync, !sync
}

// pyRepr is repr(inst); ok is false when it shows a memory address.
func (inst *instance) pyRepr() (s string, ok bool) {
	if r, can := inst.mgr.(customRepr); can {
		if s, has := r.pyRepr(); has {
			return s, true
		}
	}
	return "<" + inst.typeName() + " object>", false
}

// libKind describes a library manager that a with item creates by itself
// ({"timeout": 2}, {"exitStack": true}, {"taskGroup": true}): its JSON
// field, its Python source and how the engine makes one. The decoder, the
// encoder, the validator, the renderer and the engine read every library
// manager from libKinds, so a new kind is one file defining its libKind
// and its contextManager, registered there (and a WithItem field for it).
type libKind struct {
	// field is the with item's JSON field that names this kind.
	field string
	// label is how the trace names its instances ("timeout").
	label string
	// contextlib is the name the program imports from contextlib for it,
	// or "" when it comes from asyncio (always imported).
	contextlib string
	// in reports whether the item names this kind.
	in func(it *WithItem) bool
	// decode reads the field's JSON value v (present) into the item.
	decode func(d *decoder, path string, v any, it *WithItem)
	// encode is the field's JSON value, for an item it names.
	encode func(it *WithItem) any
	// validate checks the item's argument at path; nil when it has none.
	validate func(v *validator, path string, it *WithItem)
	// source is the Python expression that creates the manager.
	source func(it *WithItem) string
	// create makes the manager object when the with statement evaluates
	// the item.
	create func(x *exec, it *WithItem) contextManager
}

// libKinds are the library managers, in the order their fields are
// listed in messages and checked.
var libKinds = []*libKind{&timeoutKind, &timeoutAtKind, &exitStackKind, &taskGroupKind, &nullContextKind, &aclosingKind}

// withItemSources are the with item's JSON fields that say what it
// enters, of which an item sets exactly one, in the order messages list
// them.
var withItemSources = func() []string {
	fields := []string{"manager", "use"}
	for _, k := range libKinds {
		fields = append(fields, k.field)
	}
	return fields
}()

// withItemFields are all of a with item's JSON fields.
var withItemFields = slices.Concat(withItemSources, []string{"args", "as"})

// libKind is the library manager the item creates, or nil when it names
// a manager of the scenario (or an existing object).
func (it *WithItem) libKind() *libKind {
	for _, k := range libKinds {
		if k.in(it) {
			return k
		}
	}
	return nil
}
