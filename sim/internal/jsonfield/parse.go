package jsonfield

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Parse reads one JSON document (what names it in messages: "scenario",
// "design") into the values Reader checks: objects as map[string]any,
// numbers as json.Number. It is stricter than encoding/json, and says
// where: a UTF-8 byte-order mark is skipped (editors on Windows write
// one); text that is not UTF-8, a key given twice in one object (JSON
// leaves which one wins to the reader), NaN or Infinity, and anything
// after the document are errors, each with the path of the field it is
// in and its line and column.
func Parse(data []byte, what string) (any, *Error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := position(data, invalidOffset(data))
		return nil, &Error{Msg: fmt.Sprintf("the %s is not UTF-8 text: line %d, column %d holds a byte that is not UTF-8 (save the file as UTF-8)", what, line, col)}
	}
	p := &parser{dec: json.NewDecoder(bytes.NewReader(data)), data: data}
	p.dec.UseNumber()
	v, err := p.value("")
	if err != nil {
		return nil, err
	}
	if _, terr := p.dec.Token(); terr != io.EOF {
		line, col := position(data, skipBlanks(data, int(p.dec.InputOffset())))
		return nil, &Error{Msg: fmt.Sprintf("unexpected data after the %s object at line %d, column %d", what, line, col)}
	}
	return v, nil
}

// MaxDepth bounds how deep arrays and objects nest: far more than any
// scenario, design or catalog needs (a scenario's 20 nested blocks are
// about 70 levels), and little enough that a hostile link (a few hundred
// bytes can unpack to a deep nest) costs nothing to refuse.
const MaxDepth = 200

type parser struct {
	dec   *json.Decoder
	data  []byte
	depth int
}

// value reads the value at path.
func (p *parser) value(path string) (any, *Error) {
	start := int(p.dec.InputOffset())
	if p.depth >= MaxDepth {
		line, col := position(p.data, skipBlanks(p.data, start))
		if len(path) > 60 {
			path = path[:60] + "…" // two hundred [0]s say nothing more
		}
		return nil, &Error{Path: path, Msg: fmt.Sprintf("nested more than %d levels deep at line %d, column %d", MaxDepth, line, col)}
	}
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(path, start, err)
	}
	switch tok := tok.(type) {
	case json.Delim:
		p.depth++
		defer func() { p.depth-- }()
		if tok == '[' {
			return p.array(path)
		}
		return p.object(path)
	default:
		return tok, nil
	}
}

func (p *parser) object(path string) (any, *Error) {
	m := map[string]any{}
	for p.dec.More() {
		start := int(p.dec.InputOffset())
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntax(path, start, err)
		}
		key := tok.(string) // More and Token guarantee a key here
		if _, dup := m[key]; dup {
			at := start + max(bytes.IndexByte(p.data[start:], '"'), 0) // past the comma
			line, col := position(p.data, at)
			return nil, &Error{Path: Join(path, key), Msg: fmt.Sprintf("given twice in one object (again at line %d, column %d): keep one", line, col)}
		}
		v, verr := p.value(Join(path, key))
		if verr != nil {
			return nil, verr
		}
		m[key] = v
	}
	start := int(p.dec.InputOffset())
	if _, err := p.dec.Token(); err != nil { // the closing brace
		return nil, p.syntax(path, start, err)
	}
	return m, nil
}

func (p *parser) array(path string) (any, *Error) {
	a := []any{}
	for p.dec.More() {
		v, err := p.value(fmt.Sprintf("%s[%d]", path, len(a)))
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
	start := int(p.dec.InputOffset())
	if _, err := p.dec.Token(); err != nil { // the closing bracket
		return nil, p.syntax(path, start, err)
	}
	return a, nil
}

// syntax is a syntax error met while reading the value at path, which
// starts at byte start (or after it, past blanks and separators). The
// position is worked out here: a json.Decoder reading tokens gives an
// offset into its own buffer.
func (p *parser) syntax(path string, start int, err error) *Error {
	at := skipBlanks(p.data, start)
	line, col := position(p.data, at)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{Path: path, Msg: fmt.Sprintf("invalid JSON at line %d, column %d: the text ends before the value does", line, col)}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	for _, word := range []string{"NaN", "Infinity", "-Infinity"} {
		if bytes.HasPrefix(p.data[at:], []byte(word)) {
			msg = fmt.Sprintf("JSON has no %s; expected a finite number", word)
			break
		}
	}
	return &Error{Path: path, Msg: fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, msg)}
}

// skipBlanks is the offset of the next token from off: past whitespace,
// one separator (a colon or a comma) and whitespace again.
func skipBlanks(data []byte, off int) int {
	const ws = " \t\r\n"
	off = min(off, len(data))
	off = len(data) - len(bytes.TrimLeft(data[off:], ws))
	if off < len(data) && (data[off] == ':' || data[off] == ',') {
		off++
	}
	return len(data) - len(bytes.TrimLeft(data[off:], ws))
}

// position is the line and column (both from 1, the column counted in
// characters, as editors count it) of byte offset off.
func position(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off && i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

// invalidOffset is the offset of the first byte that is not UTF-8.
func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
