package homework

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// WriteCSV writes the report as a gradebook imports it: one row per
// student with the handed-in time, the points of every question and
// challenge (empty where the student's variant did not ask it), the
// total, the maximum, the percentage, passed (when the assignment has a
// passing grade) and the flags; then one row per code that could not be
// read, with its problem, so that nothing is lost silently.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := []string{"student", "handed_in"}
	for _, c := range r.Columns {
		header = append(header, c.Name)
	}
	header = append(header, "total", "max", "percent", "passed", "flags")
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range r.Rows {
		rec := []string{row.Student, row.HandedIn.Format(time.RFC3339)}
		for k := range r.Columns {
			cell := ""
			if row.Asked[k] {
				cell = FormatPoints(row.Points[k])
			}
			rec = append(rec, cell)
		}
		passed := ""
		if row.Passed {
			passed = "yes"
		} else if row.hasPassingGrade {
			passed = "no"
		}
		rec = append(rec, FormatPoints(row.Total), strconv.Itoa(row.Max), FormatPercent(row.Percent), passed, strings.Join(row.Flags, "; "))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	for _, p := range r.Problems {
		rec := make([]string, len(header))
		rec[0] = "(code " + strconv.Itoa(p.N) + ")"
		rec[len(rec)-1] = "not graded: " + p.Err.Error()
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Layouts are the CSV layouts WriteLayout writes: "plain" (WriteCSV),
// and the ones gradebooks import.
var Layouts = []string{"plain", "moodle", "canvas"}

// WriteLayout writes the report in a layout (see Layouts), for the
// assignment titled title:
//
//   - moodle: Identifier, the title (the total points), Feedback (the
//     flags). Moodle's grade import maps the identifier to a user field
//     (ID number, username or email: use that in the roster) and the title
//     column to a grade item whose maximum is the report's maximum.
//   - canvas: Student, ID, SIS User ID, SIS Login ID, Section, the title;
//     a "Points Possible" row first. Canvas matches students by one of
//     the first three columns: the student's name or ID goes in Student
//     and SIS User ID (use SIS IDs in the roster to match by them).
//
// Codes that could not be read are left out of these two layouts (their
// problems are in the plain layout and on the teacher's screen).
func (r *Report) WriteLayout(w io.Writer, layout, title string) error {
	cw := csv.NewWriter(w)
	maxPoints := 0 // the same for every student: Draw questions and every challenge
	for _, row := range r.Rows {
		maxPoints = row.Max
	}
	switch layout {
	case "plain", "":
		return r.WriteCSV(w)
	case "moodle":
		cw.Write([]string{"Identifier", title, "Feedback"})
		for _, row := range r.Rows {
			cw.Write([]string{row.Student, FormatPoints(row.Total), strings.Join(row.Flags, "; ")})
		}
	case "canvas":
		cw.Write([]string{"Student", "ID", "SIS User ID", "SIS Login ID", "Section", title})
		cw.Write([]string{"Points Possible", "", "", "", "", strconv.Itoa(maxPoints)})
		for _, row := range r.Rows {
			cw.Write([]string{row.Student, "", row.Student, "", "", FormatPoints(row.Total)})
		}
	default:
		return fmt.Errorf("unknown layout %q: expected one of %s", layout, strings.Join(Layouts, ", "))
	}
	cw.Flush()
	return cw.Error()
}

// FormatPoints writes a score with at most two decimals and no trailing
// zeros (1, 0.5, 0.33): the CSVs, lab grade and the Teacher screen's
// table all write points so.
func FormatPoints(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// FormatPercent writes a percentage with one decimal, as the CSVs do.
func FormatPercent(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
