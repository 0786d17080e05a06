package sim

// vars is a frame's local variables. Frames hold a handful, so two short
// slices searched in order beat a map, which would cost an allocation per
// call of every __aenter__ and __aexit__.
type vars struct {
	names  []string
	vals   []Value
	inline [4]Value // backing store for a frame's parameters
}

// Parameter name lists, shared by every frame that has them: names is
// never written in place (set appends past its capacity, del copies).
var (
	selfParams = []string{"self"}
	exitParams = []string{"exc_type", "exc", "tb"}
	aexitParam = []string{"self", "exc_type", "exc", "tb"}
)

func (v *vars) get(name string) (Value, bool) {
	for i, n := range v.names {
		if n == name {
			return v.vals[i], true
		}
	}
	return nil, false
}

func (v *vars) set(name string, val Value) {
	for i, n := range v.names {
		if n == name {
			v.vals[i] = val
			return
		}
	}
	v.names = append(v.names, name)
	v.vals = append(v.vals, val)
}

func (v *vars) del(name string) {
	for i, n := range v.names {
		if n == name {
			names := make([]string, 0, len(v.names)-1)
			v.names = append(append(names, v.names[:i]...), v.names[i+1:]...)
			v.vals = append(v.vals[:i], v.vals[i+1:]...)
			return
		}
	}
}
