// Catalan search, in the reader's browser: the query is split and stemmed exactly as
// book/_ext/catalan.py (fold, stem) split and stemmed the text when Sphinx indexed it;
// tests/test_catalan.py runs both on every word of the book. Embedded by Sphinx into
// _static/language_data.js, before searchtools.js, which calls splitQuery and Stemmer.

// Lower case without accents, diaeresis, cedilla or the middle dot of «l·l».
function catalanFold(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f·‧]/g, "");
}

const CATALAN_MIN_STEM = 3;

// Plural and gender endings, on the folded word (see stem() in catalan.py).
function catalanStem(word) {
  let w = catalanFold(word);
  let cut = w;
  const before = w.length > 2 ? w[w.length - 3] : "";
  if (w.endsWith("ions")) cut = w.slice(0, -2);
  else if (w.endsWith("ques") || w.endsWith("gues")) cut = w.slice(0, -4) + (w[w.length - 4] === "q" ? "c" : "g");
  else if (w.endsWith("os") && "sxcz".includes(before) && before) cut = w.slice(0, -2);
  else if (w.endsWith("ns") && "aeiou".includes(before) && before) cut = w.slice(0, -2);
  else if (w.endsWith("es")) cut = w.slice(0, -2);
  else if (w.endsWith("s")) cut = w.slice(0, -1);
  if (cut.length >= CATALAN_MIN_STEM) w = cut;
  if (w.length > CATALAN_MIN_STEM && "aeo".includes(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

var Stemmer = function () {
  this.stemWord = catalanStem;
};

// Python's \w+ on the folded text, as Sphinx's default splitter is \W+ on the raw one.
var splitQuery = (query) =>
  catalanFold(query)
    .split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)
    .filter((term) => term);
