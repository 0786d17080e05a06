package share_test

import (
	"fmt"
	"strings"

	"asyncwithlab/sim"
	"asyncwithlab/sim/share"
)

// The custom link of the package documentation: it must keep opening.
func ExampleDecode() {
	l, err := share.Decode("#v1.s.qlZKK81LLsnMzytWsoquVkrKT6kEMwqKMvNKlKyUMlJzcvKVamN1lPISc1OVrJRyEzPzwPyy1KLizPw8JSvDWkAAAAD__w.3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("step %d, predict %v\n", l.Step, l.Predict)
	for _, line := range strings.Split(sim.Render(l.Scenario), "\n") {
		if strings.Contains(line, "print") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// step 3, predict false
	// print("hello")
}

func ExampleEncode() {
	s, err := share.Encode(share.Link{Preset: "timeout", Step: 12, Predict: true})
	fmt.Println(s, err)
	_, err = share.Decode("v2.p.timeout.0")
	fmt.Println(err)
	// Output:
	// v1.p.timeout.12.predict <nil>
	// share link: version "v2" is newer than this app reads (v1); open the link in a newer version of the app
}
