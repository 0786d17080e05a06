package homework

import (
	"encoding/csv"
	"io"
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
				cell = points(row.Points[k])
			}
			rec = append(rec, cell)
		}
		passed := ""
		if row.Passed {
			passed = "yes"
		} else if row.hasPassingGrade {
			passed = "no"
		}
		rec = append(rec, points(row.Total), strconv.Itoa(row.Max), strconv.FormatFloat(row.Percent, 'f', 1, 64), passed, strings.Join(row.Flags, "; "))
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

// points writes a score with at most two decimals and no trailing zeros.
func points(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
}
