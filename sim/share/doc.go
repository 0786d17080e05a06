// Package share turns what the simulator screen shows (a scenario, the
// playback position, the editor's state) into the fragment of a share link
// and back, so that opening the link restores the same view.
//
// Links outlive the app version that wrote them: people paste them into
// course pages, homework and chat. The format below is therefore a
// contract. Every later version of the app must keep decoding v1 links
// exactly as described here; a change that v1 cannot express gets a new
// version (v2, ...) rather than a new meaning for an old link.
//
// # Format, version 1
//
// A fragment (the part of the URL after '#'; Decode also accepts the '#')
// is a list of parts separated by '.', none of them empty:
//
//	v1.p.NAME.STEP[.pyNNN][.sequence][.predict][.dDESIGN]    a built-in preset, unchanged
//	v1.s.DATA.STEP[.pyNNN][.sequence][.predict][.dDESIGN]    any other scenario
//
// The parts, in order:
//
//   - "v1": the version. A later version ("v2", ...) is refused with a
//     message saying that the link is newer than the app.
//   - "p" or "s": what follows is a preset name or scenario data.
//   - NAME: the preset's name, 1 to 64 characters from a-z, 0-9 and '-'
//     (the file name under assets/presets without ".json"). Whether the
//     app has such a preset is for the app to check, not this package.
//   - DATA: the scenario as compact JSON in the format of sim.Decode (the
//     output of sim.Encode without insignificant white space), compressed
//     with raw DEFLATE (RFC 1951, no zlib or gzip header) and written in
//     unpadded base64url (RFC 4648 §5: A-Z a-z 0-9 - _). It must decode
//     strictly with sim.Decode.
//   - STEP: the playback position, the index of the event shown, in
//     decimal with no sign and no leading zero ("0", "17"), below MaxStep.
//   - "py" and a version's digits (optional): the CPython version the run
//     follows, "py311", "py312" or "py313" (sim.PythonVersions). DATA then
//     holds no python field of its own (Encode moves it here). A link
//     without one names no version: it was made before versions could be
//     chosen, when the engine followed 3.11 (LegacyPython), and the app
//     opens it so. Added to v1 in December 2026; an older app refuses it
//     as an unexpected part.
//   - "sequence" (optional): show the run as a sequence diagram instead
//     of lanes. It was added to v1 in December 2026 without changing what
//     any earlier link means; an app from before then refuses a link with
//     it as an unexpected part (its message names the part).
//   - "predict" (optional): open in "predict, then watch" mode.
//   - "d" followed by DESIGN (optional): the scenario editor's state, JSON
//     whose meaning belongs to the editor, packed like DATA.
//
// The optional parts come in the order shown, each at most once. The whole
// fragment is at most MaxLinkBytes bytes and each packed part unpacks to
// at most MaxUnpackedBytes, so a hostile link cannot make the app allocate
// much. Every character of a link is unreserved in a URL (RFC 3986), so no
// browser or chat program escapes it.
//
// Examples:
//
//	v1.p.doc001-basic.0
//	v1.p.timeout.12.predict
//	v1.p.timeout.12.py312
//	v1.p.gather-interleave.20.sequence
//	v1.s.qlZKK81LLsnMzytWsoquVkrKT6kEMwqKMvNKlKyUMlJzcvKVamN1lPISc1OVrJRyEzPzwPyy1KLizPw8JSvDWkAAAAD__w.3
//
// The last one is {"functions":[{"body":[{"print":"hello"}],"name":"main"}],
// "version":1} shown at its fourth event (step 3).
//
// Decode is strict (an unknown part is an error, not ignored), and Encode
// writes the one canonical form, so Encode(Decode(s)) == s for every link
// Encode wrote.
package share
