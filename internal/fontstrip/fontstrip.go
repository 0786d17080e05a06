// Package fontstrip removes TrueType hinting from a font: the glyph
// programs, fpgm, prep and cvt, and the glyph names of post. Ebitengine
// draws text with go-text/typesetting, which reads outlines and never runs
// hinting, so a stripped font draws the same pixels; the Go fonts lose
// about half their bytes (their hinting is 45 % of glyf), which is what the
// app's .wasm download saves. Every glyph and every character mapping is
// kept.
//
// The app embeds the stripped fonts from package assets; `go generate
// ./assets` makes them from golang.org/x/image's Go fonts, and this
// package's tests check that the committed files are exactly what Strip
// makes and that every glyph keeps its outline.
package fontstrip

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// dropped are the tables only a hinting engine reads.
var dropped = map[string]bool{"fpgm": true, "prep": true, "cvt ": true, "hdmx": true, "LTSH": true, "VDMX": true}

// Strip returns font without hinting. The input must be a TrueType font
// with glyf outlines (not CFF, not a collection).
func Strip(font []byte) ([]byte, error) {
	tables, err := readTables(font)
	if err != nil {
		return nil, err
	}
	head, ok1 := tables["head"]
	maxp, ok2 := tables["maxp"]
	glyf, ok3 := tables["glyf"]
	loca, ok4 := tables["loca"]
	if !ok1 || !ok2 || !ok3 || !ok4 || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("fontstrip: not a TrueType font with glyf outlines (head, maxp, glyf and loca are needed)")
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	offsets, err := readLoca(loca, numGlyphs, int16(binary.BigEndian.Uint16(head[50:])))
	if err != nil {
		return nil, err
	}
	var newGlyf []byte
	newOffsets := make([]uint32, numGlyphs+1)
	for g := 0; g < numGlyphs; g++ {
		start, end := offsets[g], offsets[g+1]
		if start > end || int(end) > len(glyf) {
			return nil, fmt.Errorf("fontstrip: glyph %d lies outside glyf", g)
		}
		out, err := stripGlyph(glyf[start:end])
		if err != nil {
			return nil, fmt.Errorf("fontstrip: glyph %d: %w", g, err)
		}
		newOffsets[g] = uint32(len(newGlyf))
		newGlyf = append(newGlyf, out...)
		for len(newGlyf)%4 != 0 { // keeps every glyph on a 4-byte boundary
			newGlyf = append(newGlyf, 0)
		}
	}
	newOffsets[numGlyphs] = uint32(len(newGlyf))

	head = append([]byte(nil), head...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set at the end
	short := newOffsets[numGlyphs] <= 0x1FFFE
	var newLoca []byte
	if short {
		binary.BigEndian.PutUint16(head[50:], 0)
		for _, o := range newOffsets {
			newLoca = binary.BigEndian.AppendUint16(newLoca, uint16(o/2))
		}
	} else {
		binary.BigEndian.PutUint16(head[50:], 1)
		for _, o := range newOffsets {
			newLoca = binary.BigEndian.AppendUint32(newLoca, o)
		}
	}
	maxp = append([]byte(nil), maxp...)
	if len(maxp) >= 32 {
		// maxZones 1, no twilight points, storage, function or
		// instruction definitions, stack or instructions.
		binary.BigEndian.PutUint16(maxp[14:], 1)
		for _, at := range []int{16, 18, 20, 22, 24, 26} {
			binary.BigEndian.PutUint16(maxp[at:], 0)
		}
	}
	tables["head"], tables["maxp"], tables["glyf"], tables["loca"] = head, maxp, newGlyf, newLoca
	if post, ok := tables["post"]; ok && len(post) >= 32 {
		post = append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(post[0:], 0x00030000) // version 3: no glyph names
		tables["post"] = post
	}
	for tag := range dropped {
		delete(tables, tag)
	}
	return writeFont(font[:4], tables), nil
}

// readTables returns each table of an sfnt by tag.
func readTables(font []byte) (map[string][]byte, error) {
	if len(font) < 12 || binary.BigEndian.Uint32(font) != 0x00010000 {
		return nil, errors.New("fontstrip: not a TrueType font (expected version 1.0 at the start)")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, errors.New("fontstrip: the table directory is cut short")
	}
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(font)) {
			return nil, fmt.Errorf("fontstrip: table %q lies outside the file", tag)
		}
		tables[tag] = font[off : off+length]
	}
	return tables, nil
}

func readLoca(loca []byte, numGlyphs int, format int16) ([]uint32, error) {
	offsets := make([]uint32, numGlyphs+1)
	switch format {
	case 0:
		if len(loca) < 2*(numGlyphs+1) {
			return nil, errors.New("fontstrip: loca is shorter than maxp's glyph count needs")
		}
		for i := range offsets {
			offsets[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
	case 1:
		if len(loca) < 4*(numGlyphs+1) {
			return nil, errors.New("fontstrip: loca is shorter than maxp's glyph count needs")
		}
		for i := range offsets {
			offsets[i] = binary.BigEndian.Uint32(loca[4*i:])
		}
	default:
		return nil, fmt.Errorf("fontstrip: head gives loca format %d; expected 0 or 1", format)
	}
	return offsets, nil
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords     = 0x0001
	haveScale        = 0x0008
	moreComponents   = 0x0020
	haveXYScale      = 0x0040
	haveTwoByTwo     = 0x0080
	haveInstructions = 0x0100
)

// stripGlyph returns a glyph's description without its instructions.
func stripGlyph(g []byte) ([]byte, error) {
	if len(g) == 0 {
		return nil, nil
	}
	if len(g) < 10 {
		return nil, errors.New("shorter than a glyph header")
	}
	contours := int16(binary.BigEndian.Uint16(g))
	if contours >= 0 { // a simple glyph
		at := 10 + 2*int(contours)
		if len(g) < at+2 {
			return nil, errors.New("cut short before its instructions")
		}
		n := int(binary.BigEndian.Uint16(g[at:]))
		if len(g) < at+2+n {
			return nil, errors.New("its instructions run past its end")
		}
		out := append([]byte(nil), g[:at]...)
		out = append(out, 0, 0)
		return append(out, g[at+2+n:]...), nil
	}
	out := append([]byte(nil), g[:10]...)
	for at := 10; ; {
		if len(g) < at+4 {
			return nil, errors.New("a component is cut short")
		}
		flags := binary.BigEndian.Uint16(g[at:])
		size := 4 + 2
		if flags&argsAreWords != 0 {
			size = 4 + 4
		}
		switch {
		case flags&haveScale != 0:
			size += 2
		case flags&haveXYScale != 0:
			size += 4
		case flags&haveTwoByTwo != 0:
			size += 8
		}
		if len(g) < at+size {
			return nil, errors.New("a component is cut short")
		}
		comp := append([]byte(nil), g[at:at+size]...)
		binary.BigEndian.PutUint16(comp, flags&^haveInstructions)
		out = append(out, comp...)
		at += size
		if flags&moreComponents == 0 {
			return out, nil
		}
	}
}

// writeFont lays the tables out in tag order with their checksums, and
// sets head's checkSumAdjustment, as the OpenType specification asks.
func writeFont(version []byte, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	out := append([]byte(nil), version...)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySelector))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-searchRange))
	offset := 12 + 16*n
	var body []byte
	headAt := -1
	for _, tag := range tags {
		t := tables[tag]
		out = append(out, tag...)
		out = binary.BigEndian.AppendUint32(out, checksum(t))
		out = binary.BigEndian.AppendUint32(out, uint32(offset+len(body)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(t)))
		if tag == "head" {
			headAt = offset + len(body)
		}
		body = append(body, t...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
