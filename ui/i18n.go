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
	"aboutText":     {"Async With Lab teaches Python's async context managers with a quiz and, soon, an animated simulator that shows in what order managers enter and exit, exactly as CPython does. The questions are written in our own words from these course documents:", "O Async With Lab ensina os gerenciadores de contexto assíncronos do Python com um quiz e, em breve, um simulador animado que mostra em que ordem os gerenciadores entram e saem, exatamente como o CPython faz. As perguntas foram escritas com nossas palavras a partir destes documentos:"},
	"keysHelp":      {"Keys: 1–9 choose · ↑↓ or Tab move · Space toggle · Enter check · H hint · Esc home", "Teclas: 1–9 escolhem · ↑↓ ou Tab movem · Espaço marca · Enter verifica · H dica · Esc início"},
	"noAddress":     {"(the document gives no address)", "(o documento não dá endereço)"},
	"back":          {"Back", "Voltar"},
	"comment":       {"About your choice: ", "Sobre sua escolha: "},
	"progressLabel": {"Progress", "Progresso"},
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
