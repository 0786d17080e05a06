package homework_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"asyncwithlab/homework"
)

func TestParseRoster(t *testing.T) {
	tests := []struct{ text, want, err string }{
		{text: "Ana\nBruno Lima\n\n", want: "Ana|Bruno Lima"},
		{text: "Name\nAna\nBruno\n", want: "Ana|Bruno"},
		{text: "email;nome\na@x;Ana\nb@x;Bia\n", want: "Ana|Bia"},
		{text: "\ufeffid,name\r\n7,Ana\r\n8,\r\n", want: "7|8"},
		{text: "Ana\nana \n", err: `"ana" is listed twice`},
		{text: "Email,Phone\na@b,1\n", err: "expected a column named name, student or id"},
		{text: "name\n", err: "no students"},
		{text: "name,x\n\"Ana,1\n", err: "roster: "},
	}
	for _, tt := range tests {
		names, err := homework.ParseRoster(tt.text)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.text)
			continue
		}
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.want, strings.Join(names, "|"), tt.text)
	}
}

func TestStudentLinks(t *testing.T) {
	a, _ := week3(t)
	links, err := homework.StudentLinks(a, fixedKey, []string{"Ana", "Bia, \"B\""})
	require.NoError(t, err)
	require.Len(t, links, 2)
	for _, l := range links {
		back, err := homework.DecodeLink(l.Link)
		require.NoError(t, err)
		assert.Equal(t, l.Student, back.Student)
		assert.Equal(t, fixedKey.StudentSeed(a.ID, l.Student), back.Seed)
	}
	var buf bytes.Buffer
	require.NoError(t, homework.WriteLinksCSV(&buf, links, "https://s.example/lab/#old"))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3)
	assert.Equal(t, "student,link", lines[0])
	assert.True(t, strings.HasPrefix(lines[2], `"Bia, ""B""",https://s.example/lab/#v1.a.`), lines[2])
	assert.Equal(t, "#v1.a.x", homework.Address("", "v1.a.x"))
}
