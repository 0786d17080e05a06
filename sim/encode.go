package sim

import (
	"encoding/json"
)

// Encode writes a scenario as indented JSON in the format Decode reads.
func Encode(sc *Scenario) ([]byte, error) {
	return json.MarshalIndent(scenarioJSON(sc), "", "  ")
}

type obj = map[string]any

func scenarioJSON(sc *Scenario) obj {
	o := obj{"version": sc.Version}
	if sc.Python != "" {
		o["python"] = sc.Python
	}
	if sc.Title != "" {
		o["title"] = sc.Title
	}
	if sc.Description != "" {
		o["description"] = sc.Description
	}
	if len(sc.Shared) > 0 {
		ss := make([]any, len(sc.Shared))
		for i, d := range sc.Shared {
			so := obj{"name": d.Name, "kind": string(d.Kind)}
			if d.Value != nil {
				so["value"] = *d.Value
			}
			putStr(so, "lock", d.Lock)
			ss[i] = so
		}
		o["shared"] = ss
	}
	if len(sc.Managers) > 0 {
		ms := make([]any, len(sc.Managers))
		for i, m := range sc.Managers {
			mo := obj{"name": m.Name, "kind": string(m.Kind)}
			if m.Protocol != "" {
				mo["protocol"] = string(m.Protocol)
			}
			if len(m.Params) > 0 {
				mo["params"] = m.Params
			}
			putBlock(mo, "init", m.Init)
			putBlock(mo, "aenter", m.Aenter)
			putBlock(mo, "aexit", m.Aexit)
			putBlock(mo, "body", m.Body)
			ms[i] = mo
		}
		o["managers"] = ms
	}
	fs := make([]any, len(sc.Functions))
	for i, f := range sc.Functions {
		fo := obj{"name": f.Name, "body": blockJSON(f.Body)}
		if f.ExitParams {
			fo["exitParams"] = true
		}
		if f.Sync {
			fo["sync"] = true
		}
		if len(f.Params) > 0 {
			fo["params"] = f.Params
		}
		if d := f.Decorator; d != nil {
			do := obj{"manager": d.Manager}
			putArgs(do, d.Args)
			fo["decorator"] = do
		}
		fs[i] = fo
	}
	o["functions"] = fs
	return o
}

func putBlock(o obj, key string, stmts []*Stmt) {
	if len(stmts) > 0 {
		o[key] = blockJSON(stmts)
	}
}

func blockJSON(stmts []*Stmt) []any {
	out := make([]any, len(stmts))
	for i, s := range stmts {
		out[i] = stmtJSON(s)
	}
	return out
}

func exprJSON(e Expr) any {
	switch e.Kind {
	case EStr:
		return e.Str
	case EBool:
		return e.Bool
	case EVar:
		return obj{"var": e.Var}
	case EInt:
		return e.Int
	}
	return obj{"none": true}
}

func putStr(o obj, key, v string) {
	if v != "" {
		o[key] = v
	}
}

func stmtJSON(s *Stmt) obj {
	var arg any
	switch s.Kind {
	case SPrint:
		arg = s.Text
	case SSleep, SBlock:
		arg = s.Seconds
	case SRaise:
		switch {
		case s.Raise.NoMessage && !s.Raise.HasFrom:
			arg = s.Raise.Type
		default:
			o := obj{"type": s.Raise.Type}
			if !s.Raise.NoMessage {
				o["message"] = s.Raise.Message
			}
			if s.Raise.HasFrom {
				o["from"] = nil
				if s.Raise.From != "" {
					o["from"] = s.Raise.From
				}
			}
			arg = o
		}
	case SReraise, SPass, SBreak, SContinue:
		arg = true
	case SReturn:
		if s.HasValue {
			arg = exprJSON(s.Value)
		}
	case SYield:
		if s.Value.Kind != ENone {
			arg = exprJSON(s.Value)
		}
	case SWith:
		items := make([]any, len(s.Items))
		for i, it := range s.Items {
			io := obj{}
			putStr(io, "manager", it.Manager)
			putStr(io, "use", it.Use)
			putArgs(io, it.Args)
			for _, k := range libKinds {
				if k.in(it) {
					io[k.field] = k.encode(it)
				}
			}
			putStr(io, "as", it.As)
			items[i] = io
		}
		w := obj{"items": items, "body": blockJSON(s.Body)}
		if s.Sync {
			w["sync"] = true
		}
		arg = w
	case STry:
		w := obj{"body": blockJSON(s.Body)}
		if len(s.Handlers) > 0 {
			hs := make([]any, len(s.Handlers))
			for i, h := range s.Handlers {
				ho := obj{"body": blockJSON(h.Body)}
				if len(h.Types) > 0 {
					ho["types"] = h.Types
				}
				putStr(ho, "as", h.As)
				hs[i] = ho
			}
			w[handlersKey(s)] = hs
		}
		if s.HasFinally {
			w["finally"] = blockJSON(s.Finally)
		}
		arg = w
	case SIfException:
		w := obj{"then": blockJSON(s.Body)}
		if len(s.Else) > 0 {
			w["else"] = blockJSON(s.Else)
		}
		arg = w
	case SGather:
		as := make([]any, len(s.Ext().Awaitables))
		for i, a := range s.Ext().Awaitables {
			if a.Call != "" {
				as[i] = obj{"call": a.Call}
			} else {
				as[i] = obj{"task": a.Task}
			}
		}
		w := obj{"awaitables": as}
		if s.ReturnExceptions {
			w["returnExceptions"] = true
		}
		putStr(w, "as", s.As)
		arg = w
	case SCreateTask:
		w := obj{"call": s.Func}
		putStr(w, "as", s.As)
		putStr(w, "group", s.Ext().Group)
		arg = w
	case SAwait, SUncancel:
		w := obj{"task": s.Task}
		putStr(w, "as", s.As)
		arg = w
	case SCancel:
		w := obj{"task": s.Task}
		if s.Delayed {
			w["after"] = s.Seconds
		}
		if s.HasMessage {
			w["message"] = s.Text
		}
		arg = w
	case SCall:
		w := obj{"function": s.Func}
		putStr(w, "as", s.As)
		arg = w
	case SAssign:
		w := obj{"name": s.As, "manager": s.Manager}
		putArgs(w, s.Ext().Args)
		arg = w
	case SEnterContext:
		w := obj{"stack": s.Stack, "manager": s.Manager}
		putArgs(w, s.Ext().Args)
		putStr(w, "as", s.As)
		if s.Sync {
			w["sync"] = true
		}
		arg = w
	case SPushExit, SPushCallback:
		arg = pushJSON(s)
	case SIf, SFor, SWhile:
		arg = controlJSON(s)
	case SSetAttr:
		arg = setAttrJSON(s)
	case SAddNote:
		arg = addNoteJSON(s)
	case SAsyncFor:
		w := obj{"body": blockJSON(s.Body)}
		putStr(w, "gen", s.Manager)
		putStr(w, "use", s.Ext().Use)
		putStr(w, "as", s.As)
		arg = w
	case SShield, SWaitFor:
		w := obj{}
		putStr(w, "call", s.Func)
		putStr(w, "task", s.Task)
		if s.Kind == SWaitFor {
			if s.NoTimeout {
				w["timeout"] = nil
			} else {
				w["timeout"] = s.Seconds
			}
		}
		putStr(w, "as", s.As)
		arg = w
	case SCondWait, SNotify, SNotifyAll:
		arg = condJSON(s)
	case SWait:
		arg = waitJSON(s.Ext().Wait)
	case SCurrentTask:
		arg = s.As
	case SReschedule:
		arg = rescheduleJSON(s)
	case SPopAll, SAclose:
		arg = stackMethodJSON(s)
	case SToThread:
		w := obj{"function": s.Func}
		putStr(w, "as", s.As)
		if s.Executor {
			w["executor"] = true
		}
		arg = w
	}
	return obj{string(s.Kind): arg}
}
