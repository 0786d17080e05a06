package simrand

import (
	"fmt"
	"slices"

	"asyncwithlab/sim"
)

// This file gives random managers state: constructor parameters stored as
// attributes and read back, an __init__ that prints and may raise,
// arguments at every construction, and generator managers decorating
// functions.

// paramSets are the constructors' parameter lists.
var paramSets = [][]string{{"host", "port"}, {"name"}, {"host", "retries"}}

// ints are the whole numbers arguments take: 0 is false, the rest true.
var ints = []int64{0, 1, 5432, -7}

// ctor may give a class a constructor: parameters its __aenter__ reads
// back, and an __init__ body that prints and may raise.
func (g *gen) ctor(m *sim.ManagerDef) {
	if g.chance(0.4) {
		m.Params = paramSets[g.r.IntN(len(paramSets))]
		for _, p := range m.Params {
			if !slices.Contains(g.attrs, p) {
				g.attrs = append(g.attrs, p)
			}
		}
		m.Aenter = []*sim.Stmt{{Kind: sim.SPrint, Text: m.Name + " enters with {self." + m.Params[0] + "!r}"}}
	}
	if g.chance(0.3) {
		m.Init = []*sim.Stmt{g.print(m.Name + " __init__")}
		if len(m.Params) > 0 {
			m.Init = append(m.Init, &sim.Stmt{Kind: sim.SPrint, Text: m.Name + " stores {" + m.Params[len(m.Params)-1] + "}"})
		}
		if g.chance(0.2) {
			m.Init = append(m.Init, g.raise(m.Name+" __init__"))
		}
	}
}

// args are the arguments of a call of m: literals, or now and then a
// variable the calling block bound before (used).
func (g *gen) args(owner string, m *sim.ManagerDef, used []string) []sim.Expr {
	var out []sim.Expr
	for _, p := range m.Params {
		switch {
		case len(used) > 0 && g.chance(0.15):
			out = append(out, sim.Expr{Kind: sim.EVar, Var: g.pick(used)})
		case g.chance(0.4):
			out = append(out, sim.Expr{Kind: sim.EInt, Int: ints[g.r.IntN(len(ints))]})
		case g.chance(0.1):
			out = append(out, sim.Expr{Kind: sim.ENone})
		default:
			out = append(out, sim.Expr{Kind: sim.EStr, Str: fmt.Sprintf("%s-%s", owner, p)})
		}
	}
	return out
}

// decorator is now and then a generator manager to decorate a function
// with, called with literals (the decorator line runs at module level).
func (g *gen) decorator() *sim.Decorator {
	var gens []*sim.ManagerDef
	for _, m := range g.managers {
		if m.Kind == sim.GeneratorManager {
			gens = append(gens, m)
		}
	}
	if len(gens) == 0 || !g.chance(0.3) {
		return nil
	}
	m := gens[g.r.IntN(len(gens))]
	return &sim.Decorator{Manager: m.Name, Args: g.args("module", m, nil)}
}
