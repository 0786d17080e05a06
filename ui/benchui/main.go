// Command benchui measures the simulator screen's frame work on the
// desktop (make bench-ui, under Xvfb): it opens the heaviest example (20
// tasks × 10 managers), plays it at 4× and times Update plus Draw, the
// work the game does each frame before Ebitengine hands the frame to the
// GPU; then it pauses and measures the CPU the idle process uses.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"syscall"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"asyncwithlab/ui"
)

// timed wraps the game and times its Update and Draw.
type timed struct {
	*ui.Game
	frames int
	warmup int
	// work is the wall time of Update+Draw; cpu is the CPU time the
	// game's thread spent in them (under Xvfb the software renderer's
	// threads compete for the cores, which inflates wall time).
	work, cpu         []time.Duration
	update, updateCPU time.Duration
}

func (t *timed) Update() error {
	if len(t.work) >= cap(t.work) {
		return ebiten.Termination
	}
	start, c := time.Now(), threadCPU()
	err := t.Game.Update()
	t.update, t.updateCPU = time.Since(start), threadCPU()-c
	return err
}

func (t *timed) Draw(screen *ebiten.Image) {
	start, c := time.Now(), threadCPU()
	t.Game.Draw(screen)
	wall, cpu := time.Since(start), threadCPU()-c
	t.frames++
	if t.frames > t.warmup {
		t.work = append(t.work, t.update+wall)
		t.cpu = append(t.cpu, t.updateCPU+cpu)
	}
}

// threadCPU is the CPU time of the calling OS thread (Ebitengine runs the
// game on one locked thread).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	frames := flag.Int("frames", 300, "frames to time while playing")
	idle := flag.Duration("idle", 5*time.Second, "how long to measure the paused screen's CPU")
	link := flag.String("link", "v1.p.stress-20x10.0", "the share link to open")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the playing part to this file")
	paused := flag.Bool("paused", false, "measure only the paused screen (Ebitengine runs one game per process, so the command runs itself again for this)")
	flag.Parse()
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetScreenClearedEveryFrame(false)

	if *paused {
		measurePaused(*link, *idle)
		return
	}
	g, err := ui.NewGame(ui.Config{Lang: "en", Link: *link, Autoplay: 4})
	if err != nil {
		log.Fatal(err)
	}
	t := &timed{Game: g, warmup: 30, work: make([]time.Duration, 0, *frames)}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
	}
	if err := ebiten.RunGame(t); err != nil {
		log.Fatal(err)
	}
	pprof.StopCPUProfile()
	fmt.Printf("playing %s at 4x, 1280x800, %d frames (%d painted):\n", *link, len(t.work), g.Redraws())
	fmt.Printf("  Update+Draw wall time per frame: %s\n", summary(t.work))
	fmt.Printf("  Update+Draw CPU of the game thread per frame: %s\n", summary(t.cpu))
	self, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	cmd := exec.Command(self, "-paused", "-link", *link, "-idle", idle.String())
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatal(err)
	}
}

// measurePaused opens the link paused and reports the CPU it uses.
func measurePaused(link string, idle time.Duration) {
	g2, err := ui.NewGame(ui.Config{Lang: "en", Link: link})
	if err != nil {
		log.Fatal(err)
	}
	p := &pausedRun{Game: g2, idle: idle}
	if err := ebiten.RunGame(p); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("paused: %.1f%% of one core over %s (%d of %d frames redrawn)\n",
		100*p.cpu.Seconds()/p.wall.Seconds(), p.wall.Round(time.Millisecond), p.redrawn, p.frames)
}

// pausedRun measures the process's CPU while the paused screen idles,
// after a second to settle.
type pausedRun struct {
	*ui.Game
	idle            time.Duration
	start, t0       time.Time
	cpu0            time.Duration
	cpu, wall       time.Duration
	frames, redrawn int
	redraws0        int
}

func (p *pausedRun) Update() error {
	now := time.Now()
	switch {
	case p.start.IsZero():
		p.start = now
	case p.t0.IsZero() && now.Sub(p.start) > time.Second:
		p.t0, p.cpu0, p.redraws0, p.frames = now, cpuTime(), p.Game.Redraws(), 0
	case !p.t0.IsZero() && now.Sub(p.t0) >= p.idle:
		p.wall, p.cpu = now.Sub(p.t0), cpuTime()-p.cpu0
		p.redrawn = p.Game.Redraws() - p.redraws0
		return ebiten.Termination
	}
	return p.Game.Update()
}

func (p *pausedRun) Draw(screen *ebiten.Image) {
	p.Game.Draw(screen)
	p.frames++
}

// summary is the mean, 95th percentile and maximum of durations.
func summary(ds []time.Duration) string {
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	n := len(s)
	return fmt.Sprintf("mean %.2f ms, p95 %.2f ms, max %.2f ms", ms(sum/time.Duration(n)), ms(s[n*95/100]), ms(s[n-1]))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
