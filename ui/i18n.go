package ui

import "strings"

// Lang is a supported interface language.
type Lang string

const (
	// English is the default.
	English Lang = "en"
	// Portuguese is Brazilian Portuguese (course document 000's language).
	Portuguese Lang = "pt"
)

// langFrom picks a supported language from a locale such as "pt-BR".
func langFrom(locale string) Lang {
	if strings.HasPrefix(strings.ToLower(locale), "pt") {
		return Portuguese
	}
	return English
}

// msg holds every sentence of the interface in both languages.
var msg = map[string][2]string{
	"app":           {"Async With Lab", "Async With Lab"},
	"tagline":       {"Learn how Python's async context managers enter and exit.", "Aprenda como os gerenciadores de contexto assíncronos do Python entram e saem."},
	"quiz":          {"Take the quiz", "Fazer o quiz"},
	"resume":        {"Continue the quiz", "Continuar o quiz"},
	"about":         {"About and sources", "Sobre e fontes"},
	"language":      {"Português", "English"},
	"home":          {"Home", "Início"},
	"questionOf":    {"Question %d of %d", "Pergunta %d de %d"},
	"check":         {"Check", "Verificar"},
	"next":          {"Next", "Próxima"},
	"finish":        {"See results", "Ver resultado"},
	"hint":          {"Show a hint", "Mostrar uma dica"},
	"hintTitle":     {"Hint", "Dica"},
	"correct":       {"Correct!", "Correto!"},
	"wrong":         {"Not quite.", "Não exatamente."},
	"tryAgain":      {"Not quite — try again (%d tries left).", "Ainda não — tente de novo (%d tentativas restantes)."},
	"answerShown":   {"The right answer is marked.", "A resposta certa está marcada."},
	"pickOne":       {"Choose one answer.", "Escolha uma resposta."},
	"pickMany":      {"Choose every right answer.", "Escolha todas as respostas certas."},
	"putInOrder":    {"Put these in order: drag them, or focus one and press Shift+↑/↓.", "Coloque em ordem: arraste, ou selecione um item e use Shift+↑/↓."},
	"explanation":   {"Why", "Por quê"},
	"results":       {"Results", "Resultado"},
	"score":         {"You scored %.0f%% (%.1f of %d).", "Você fez %.0f%% (%.1f de %d)."},
	"passed":        {"Passed — the passing grade is %d%%.", "Aprovado — a nota mínima é %d%%."},
	"failed":        {"Not passed yet — the passing grade is %d%%.", "Ainda não aprovado — a nota mínima é %d%%."},
	"yourAnswer":    {"Your answer: ", "Sua resposta: "},
	"rightAnswer":   {"Right answer: ", "Resposta certa: "},
	"noAnswer":      {"(not answered)", "(sem resposta)"},
	"retry":         {"Try again", "Tentar de novo"},
	"loading":       {"Loading the quiz…", "Carregando o quiz…"},
	"quizErrors":    {"This quiz file has problems", "Este arquivo de quiz tem problemas"},
	"corrupt":       {"Saved progress could not be read; it was set aside and a new attempt started.", "O progresso salvo não pôde ser lido; ele foi guardado à parte e uma nova tentativa começou."},
	"saveFailed":    {"Progress could not be saved: %s", "Não foi possível salvar o progresso: %s"},
	"sources":       {"Sources", "Fontes"},
	"aboutText":     {"Async With Lab teaches Python's async context managers with a quiz and an animated simulator that shows in what order managers enter and exit, exactly as CPython does. The questions, examples and explanations are written in our own words from these course documents:", "O Async With Lab ensina os gerenciadores de contexto assíncronos do Python com um quiz e um simulador animado que mostra em que ordem os gerenciadores entram e saem, exatamente como o CPython faz. As perguntas, os exemplos e as explicações foram escritos com nossas palavras a partir destes documentos:"},
	"keysHelp":      {"Keys: 1–9 choose · ↑↓ or Tab move · Space toggle · Enter check · H hint · Esc home", "Teclas: 1–9 escolhem · ↑↓ ou Tab movem · Espaço marca · Enter verifica · H dica · Esc início"},
	"noAddress":     {"(the document gives no address)", "(o documento não dá endereço)"},
	"back":          {"Back", "Voltar"},
	"comment":       {"About your choice: ", "Sobre sua escolha: "},
	"progressLabel": {"Progress", "Progresso"},

	"simulator":     {"Open the simulator", "Abrir o simulador"},
	"simTitle":      {"Simulator", "Simulador"},
	"presets":       {"Examples", "Exemplos"},
	"editor":        {"Build & break", "Montar e quebrar"},
	"predict":       {"Predict", "Prever"},
	"predictOn":     {"Predict: on", "Prever: ligado"},
	"copyLink":      {"Copy link", "Copiar link"},
	"save":          {"Save", "Salvar"},
	"help":          {"Keys", "Teclas"},
	"close":         {"Close", "Fechar"},
	"play":          {"Play", "Tocar"},
	"pause":         {"Pause", "Pausar"},
	"first":         {"First", "Início"},
	"last":          {"Last", "Fim"},
	"stepBack":      {"Back", "Voltar"},
	"stepForward":   {"Step", "Avançar"},
	"slower":        {"Slower", "Mais lento"},
	"faster":        {"Faster", "Mais rápido"},
	"eventOf":       {"Event %d of %d", "Evento %d de %d"},
	"clock":         {"Clock %s s", "Relógio %s s"},
	"console":       {"Console", "Console"},
	"code":          {"Python", "Python"},
	"loop":          {"Event loop", "Laço de eventos"},
	"running":       {"running", "executando"},
	"ready":         {"ready", "pronta"},
	"sleeping":      {"sleeping", "dormindo"},
	"waiting":       {"waiting", "esperando"},
	"blocked":       {"BLOCKED: time.sleep freezes every task", "BLOQUEADO: time.sleep congela todas as tarefas"},
	"none":          {"none", "nenhuma"},
	"leaked":        {"LEAKED", "VAZOU"},
	"fromDoc":       {"From course document %s", "Do documento %s do curso"},
	"showcase":      {"Showcase", "Demonstração"},
	"watchFor":      {"Watch for: ", "Observe: "},
	"custom":        {"Your scenario", "Seu cenário"},
	"linkCopied":    {"Link copied to the clipboard.", "Link copiado para a área de transferência."},
	"linkHere":      {"Copy this link: %s", "Copie este link: %s"},
	"saved":         {"Saved to %s", "Salvo em %s"},
	"badLink":       {"This link could not be opened: %s", "Este link não pôde ser aberto: %s"},
	"unknownPreset": {"the example %q does not exist in this version of the app", "o exemplo %q não existe nesta versão do app"},
	"badScenario":   {"The scenario could not be opened: %s", "O cenário não pôde ser aberto: %s"},
	"runFailed":     {"The simulator stopped: %s", "O simulador parou: %s"},
	"simKeys":       {"Space play/pause · ←/→ step · Home/End first/last · +/− speed · P predict · E edit · L examples · ? keys · Esc home", "Espaço tocar/pausar · ←/→ passo · Home/End início/fim · +/− velocidade · P prever · E editar · L exemplos · ? teclas · Esc início"},
	"inject":        {"Inject an error", "Injetar um erro"},
	"injectAt":      {"Where", "Onde"},
	"injectWhat":    {"What", "O quê"},
	"apply":         {"Apply", "Aplicar"},
	"reset":         {"Reset", "Desfazer"},
	"watch":         {"Watch it happen", "Ver acontecer"},
	"skip":          {"Skip", "Pular"},
	"predictScore":  {"Predictions: %d of %d right", "Previsões: %d de %d certas"},
	"loopTime":      {"virtual time", "tempo virtual"},
	"openCount":     {"open resources: %d", "recursos abertos: %d"},
	"suppressed":    {"suppressed", "suprimida"},
	"topics":        {"Topics", "Temas"},
	"injectNone":    {"This scenario has no point to inject an error into.", "Este cenário não tem onde injetar um erro."},
	"raisedNote":    {"raised ", "lançou "},
	"gotNote":       {"got ", "recebeu "},
	"edited":        {"(with an injected error) ", "(com um erro injetado) "},
	"injectTab":     {"Break this example", "Quebrar este exemplo"},
	"buildTab":      {"Build your own", "Montar o seu"},
	"injectHelp":    {"Choose where to inject an error and what it is, then Apply: the engine runs again and the animation restarts where the run changed.", "Escolha onde injetar um erro e qual, depois Aplicar: o motor roda de novo e a animação recomeça onde a execução mudou."},
	"excType":       {"Exception", "Exceção"},
	"injected":      {"Injected: ", "Injetado: "},
	"runner":        {"main runs them with", "main as executa com"},
	"tasks":         {"Tasks", "Tarefas"},
	"addManager":    {"manager", "gerenciador"},
	"removeManager": {"remove", "remover"},
	"kind":          {"Kind", "Tipo"},
	"enterSleep":    {"sleep in __aenter__", "sleep no __aenter__"},
	"exitSleep":     {"sleep in __aexit__", "sleep no __aexit__"},
	"bodySleep":     {"sleep in the body", "sleep no corpo"},
	"blocking":      {"blocking call (time.sleep) in __aenter__", "chamada bloqueante (time.sleep) no __aenter__"},
	"finally":       {"teardown in try/finally", "limpeza em try/finally"},
	"corruptScores": {"Saved prediction scores could not be read; they were set aside and counting starts again.", "As pontuações salvas das previsões não puderam ser lidas; foram guardadas à parte e a contagem recomeça."},
	"orderHint":     {"Click them in the order they happen.", "Clique na ordem em que acontecem."},
}

// T translates a message key.
func (l Lang) T(key string) string {
	m, ok := msg[key]
	if !ok {
		return key
	}
	if l == Portuguese {
		return m[1]
	}
	return m[0]
}
