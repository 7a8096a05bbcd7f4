"""The hints of chapter 13's grader (exercises/test_ch13_attention.py), in every language: what
each failed check tells the learner to look at, never the answer (tests/test_hint_spoilers.py)."""

HINTS = {
    "mask_shape": {
        "en": "Return a numpy array of booleans (dtype bool) of shape (N, size, size): one "
              "(size, size) mask per sequence of the batch, one row per query position and one "
              "column per key position.",
        "ca": "Retorna un array de numpy de booleans (dtype bool) de forma (N, size, size): una "
              "màscara (size, size) per seqüència del lot, amb una fila per posició de consulta i "
              "una columna per posició de clau.",
    },
    "mask_future": {
        "en": "A query reads a later key (j > i). Reread 'The causal mask' in chapter 13: which "
              "part of each (size, size) square is the future, and what must it hold?",
        "ca": "Una consulta llegeix una clau posterior (j > i). Rellegeix «La màscara causal» al "
              "capítol 13: quina part de cada quadrat (size, size) és el futur, i què hi ha "
              "d'haver?",
    },
    "mask_padding": {
        "en": "A query reads a padding key: in sequence seq, the keys from lengths[seq] on are "
              "not real characters, so no query, real or padded, may read them. Is your test on "
              "the key or on the query, and is it strict?",
        "ca": "Una consulta llegeix una clau de farciment: a la seqüència seq, les claus a "
              "partir de lengths[seq] no són caràcters reals, i cap consulta, real o de "
              "farciment, no les pot llegir. La comprovació es fa sobre la clau o sobre la "
              "consulta, i és estricta?",
    },
    "mask_self": {
        "en": "The diagonal is wrong: may a real position look at itself (j = i)? Without it, "
              "position 0 would read nothing at all.",
        "ca": "La diagonal no és correcta: una posició real es pot mirar a si mateixa (j = i)? "
              "Sense la diagonal, la posició 0 no llegiria res.",
    },
    "mask_past": {
        "en": "A real query misses a key it may read: query i of sequence seq reads every key j "
              "that is neither in its future nor padding.",
        "ca": "A una consulta real li falta una clau que pot llegir: la consulta i de la "
              "seqüència seq llegeix totes les claus j que no són ni del seu futur ni de "
              "farciment.",
    },
    "mask_padded_queries": {
        "en": "The row of a padded query (i ≥ lengths[seq]) is wrong. A row without any True "
              "gives a softmax of nan; the docstring says which keys a padded query reads: the "
              "same rule as a real one.",
        "ca": "La fila d'una consulta de farciment (i ≥ lengths[seq]) no és correcta. Una fila "
              "sense cap True dona una softmax de nan; el docstring diu quines claus llegeix una "
              "consulta de farciment: la mateixa regla que una de real.",
    },
    "mask_refuse": {
        "en": "Every length must be from 1 to size: a length of 0 leaves a sequence without any "
              "key to read, one above size does not fit. Raise a ValueError whose message names "
              "attention_mask, the wrong length and size.",
        "ca": "Cada longitud ha de ser d'1 a size: una longitud 0 deixa una seqüència sense cap "
              "clau per llegir, i una de més gran que size no hi cap. Llança un ValueError amb un "
              "missatge que digui attention_mask, la longitud incorrecta i size.",
    },
    "weights_shape": {
        "en": "Return one row of weights per query and one column per key: shape (T_q, T_k).",
        "ca": "Retorna una fila de pesos per consulta i una columna per clau: forma (T_q, T_k).",
    },
    "weights_finite": {
        "en": "Some weights are inf or nan: np.exp overflowed. Reread 'Softmax without overflow' "
              "in chapter 6: what can you subtract from each row's scores without changing its "
              "softmax? (A masked score of -inf gives exp(-inf) = 0, which is fine.)",
        "ca": "Hi ha pesos inf o nan: np.exp s'ha desbordat. Rellegeix «La softmax sense "
              "desbordaments» al capítol 6: què pots restar a les puntuacions de cada fila sense "
              "canviar-ne la softmax? (Una puntuació emmascarada a -inf dona exp(-inf) = 0, i "
              "això és correcte.)",
    },
    "weights_rows": {
        "en": "Each ROW (one query) must add up to 1. Along which axis, queries or keys, does "
              "your softmax run?",
        "ca": "Cada FILA (una consulta) ha de sumar 1. Al llarg de quin eix, el de les consultes "
              "o el de les claus, fas la softmax?",
    },
    "weights_masked": {
        "en": "Where the mask is False the weight must be exactly 0 and the row must still add up "
              "to 1. If you zero weights after the softmax, what happens to the row's sum? Which "
              "score gives a weight of exactly 0 when it goes through the softmax?",
        "ca": "On la màscara és False el pes ha de ser exactament 0 i la fila ha de continuar "
              "sumant 1. Si poses pesos a zero després de la softmax, què passa amb la suma de la "
              "fila? Quina puntuació dona un pes d'exactament 0 quan passa per la softmax?",
    },
    "weights_scale": {
        "en": "Each row adds up to 1, but the weights are not the expected ones. Are the scores "
              "scaled as in 'Attention' in chapter 13? By what, computed from the number of "
              "features of a query, are they divided, and why?",
        "ca": "Cada fila suma 1, però els pesos no són els esperats. S'escalen les puntuacions "
              "com a «Atenció» al capítol 13? Per quin nombre, calculat a partir del nombre de "
              "característiques d'una consulta, es divideixen, i per què?",
    },
    "limit_pair": {
        "en": "Return a pair (flat, sharp) of arrays, each of the shape of scores.",
        "ca": "Retorna una parella (flat, sharp) d'arrays, cadascun de la forma de scores.",
    },
    "limit_masked": {
        "en": "A key the mask forbids has weight 0 for every κ, so in both limits too; and each "
              "row of both limits still adds up to 1.",
        "ca": "Una clau que la màscara prohibeix té pes 0 per a qualsevol κ, i per tant també en "
              "tots dos límits; i cada fila de tots dos límits continua sumant 1.",
    },
    "limit_flat": {
        "en": "flat is wrong. As κ goes to 0, what do the scores κ · s of a row all tend to, and "
              "what does a softmax give to scores that are all the same?",
        "ca": "flat no és correcte. Quan κ tendeix a 0, cap a on tendeixen totes les puntuacions "
              "κ · s d'una fila, i què dona una softmax a puntuacions que són totes iguals?",
    },
    "limit_sharp": {
        "en": "sharp is wrong. Two allowed keys of scores s1 and s2 have weights in the ratio "
              "e^(κ (s1 − s2)): where does it go as κ grows if s1 < s2, and if s1 = s2?",
        "ca": "sharp no és correcte. Dues claus permeses de puntuacions s1 i s2 tenen pesos en la "
              "proporció e^(κ (s1 − s2)): cap a on va quan κ creix si s1 < s2, i si s1 = s2?",
    },
    "rescaled_shape": {
        "en": "Return an array of y's shape: the layer norm of m · x + u, row by row.",
        "ca": "Retorna un array de la forma de y: la normalització per capa de m · x + u, fila "
              "per fila.",
    },
    "rescaled_positive": {
        "en": "Wrong for m > 0. Write the mean and the standard deviation of the row m · x + u "
              "from those of x: what is left of m and of u once the row is standardised?",
        "ca": "No és correcte per a m > 0. Escriu la mitjana i la desviació estàndard de la fila "
              "m · x + u a partir de les de x: què queda de m i de u un cop estandarditzada?",
    },
    "rescaled_negative": {
        "en": "Right for m > 0, wrong for m < 0. A standard deviation is never negative: what "
              "does m < 0 do to the standardised row, and which part of y do weight and bias "
              "act on?",
        "ca": "És correcte per a m > 0, però no per a m < 0. Una desviació estàndard no és mai "
              "negativa: què li fa m < 0 a la fila estandarditzada, i sobre quina part de y "
              "actuen weight i bias?",
    },
    "peak_number": {
        "en": "Return one number, a float: the mean over the rows of each row's largest weight.",
        "ca": "Retorna un sol nombre, un float: la mitjana, per a totes les files, del pes "
              "més gran de cada fila.",
    },
    "peak_scaled": {
        "en": "Wrong with scaled=True. Draw from the seed's generator q, then k, with the "
              "docstring's shapes; one row of weights per query; then each row's largest "
              "weight, and the mean of those.",
        "ca": "No és correcte amb scaled=True. Treu del generador de la llavor q i després k, "
              "amb les formes del docstring; una fila de pesos per consulta; després el pes més "
              "gran de cada fila, i la mitjana d'aquests.",
    },
    "peak_unscaled": {
        "en": "Right with scaled=True, wrong without. attention_weights divides the scores by "
              "√d: which queries give it the scores q kᵀ themselves?",
        "ca": "És correcte amb scaled=True, però no sense. attention_weights divideix les "
              "puntuacions per √d: quines consultes hi donen les puntuacions q kᵀ mateixes?",
    },
    "norm_shape": {
        "en": "Return an array of x's shape: one normalised value per input value.",
        "ca": "Retorna un array de la forma de x: un valor normalitzat per cada valor d'entrada.",
    },
    "norm_axis": {
        "en": "Each ROW must be normalised on its own: over which axis do you take the mean and "
              "the variance, and do they keep a shape that broadcasts against x?",
        "ca": "Cada FILA s'ha de normalitzar per separat: al llarg de quin eix calcules la mitjana i la "
              "variància, i conserven una forma que permeti el broadcasting amb x?",
    },
    "norm_values": {
        "en": "Each row is centred, but the numbers are wrong. Compare each part with the "
              "docstring's formula: which variance (dividing by d or by d − 1?), where eps goes "
              "relative to the square root, and are weight and bias applied?",
        "ca": "Cada fila està centrada, però els nombres no són correctes. Compara cada part amb "
              "la fórmula del docstring: quina variància (dividint per d o per d − 1?), on va eps "
              "respecte de l'arrel quadrada, i s'apliquen weight i bias?",
    },
    "step_return": {
        "en": "Return a pair (y_t, new_cache): the block's output for the new token, then the "
              "cache with the new token in it.",
        "ca": "Retorna una parella (y_t, new_cache): la sortida del bloc per al token nou i "
              "després la memòria cau amb el token nou a dins.",
    },
    "step_shape": {
        "en": "y_t is the block's output for the new token only: one vector of shape (d,), like "
              "x_t, not a row per token so far.",
        "ca": "y_t és la sortida del bloc només per al token nou: un vector de forma (d,), com "
              "x_t, no una fila per cada token fins ara.",
    },
    "step_cache_keys": {
        "en": "The cache is a dict with exactly two entries, \"k\" and \"v\": the keys and the "
              "values of the tokens so far, nothing else. Why are these two enough?",
        "ca": "La memòria cau és un diccionari amb exactament dues entrades, \"k\" i \"v\": les "
              "claus i els valors dels tokens fins ara, res més. Per què n'hi ha prou amb aquests "
              "dos?",
    },
    "step_cache_shape": {
        "en": "After token t the cache holds t + 1 keys and t + 1 values, one row of d numbers "
              "per token: the given rows, then the new token's. Did the new row get in?",
        "ca": "Després del token t la memòria cau té t + 1 claus i t + 1 valors, una fila de d "
              "nombres per token: les files que has rebut i després la del token nou. Hi has "
              "afegit la fila nova?",
    },
    "step_cache_kept": {
        "en": "The cache you were given changed. The docstring asks for a new dict and leaves the "
              "given one as it was: whoever calls you may continue the same cache with another "
              "token. Does your code assign into the dict it received?",
        "ca": "La memòria cau que has rebut ha canviat. El docstring demana un diccionari nou i "
              "que deixis el que reps tal com era: el codi que crida la teva funció pot "
              "continuar la mateixa memòria cau amb un altre token. El teu codi assigna dins del "
              "diccionari que ha rebut?",
    },
    "step_cache_old": {
        "en": "The first t rows of the new cache must be the given ones, unchanged: the earlier "
              "tokens' keys and values do not depend on the new token.",
        "ca": "Les t primeres files de la memòria cau nova han de ser les que has rebut, sense "
              "canvis: les claus i els valors dels tokens anteriors no depenen del token nou.",
    },
    "step_cache_new": {
        "en": "The new row of \"k\" or \"v\" is wrong. The docstring says what row t holds: "
              "computed from which vector, x_t or a copy of it, and with which matrix? Is it the "
              "key and the value, not the query?",
        "ca": "La fila nova de \"k\" o de \"v\" no és correcta. El docstring diu què conté la "
              "fila t: calculada a partir de quin vector, x_t o una còpia seva, i amb quina "
              "matriu? És la clau i el valor, no la consulta?",
    },
    "step_first": {
        "en": "The output for the first token, from an empty cache, is wrong. With one token the "
              "attention can only read that token itself. Compare the rest with the docstring's "
              "block: which vector does each sub-layer read, a normalised copy or x, and what "
              "is its result added to?",
        "ca": "La sortida del primer token, amb la memòria cau buida, no és correcta. Amb un sol "
              "token, l'atenció només pot llegir aquest mateix token. Compara la resta amb el "
              "bloc del docstring: quin vector llegeix cada subcapa, una còpia normalitzada o x, "
              "i a què se suma el resultat?",
    },
    "step_later": {
        "en": "The first token is right, a later one is wrong: the attention, the one part where "
              "the tokens meet. Which keys may the newest query read (look at the last row of "
              "the causal mask), and are its weights those of exercise 13.2, scaled?",
        "ca": "El primer token és correcte, però un de posterior no: l'atenció, l'única part on "
              "els tokens es troben. Quines claus pot llegir la consulta més nova (mira l'última "
              "fila de la màscara causal), i els pesos són els de l'exercici 13.2, escalats?",
    },
    "sample_int": {
        "en": "Return the index of the token as a Python or numpy integer, not an array or a "
              "probability: int(...).",
        "ca": "Retorna l'índex del token com a enter de Python o de numpy, no un array ni una "
              "probabilitat: int(...).",
    },
    "sample_greedy": {
        "en": "With temperature 0 there is no randomness and dividing by 0 is not an option: "
              "which token is the one the distribution tends to as the temperature goes to 0?",
        "ca": "Amb temperatura 0 no hi ha atzar i dividir per 0 no és una opció: cap a quin token "
              "tendeix la distribució quan la temperatura tendeix a 0?",
    },
    "sample_rng": {
        "en": "Draw with the generator you receive (rng.choice or rng.random), not with np.random: "
              "the same seed must give the same tokens, and different seeds different ones.",
        "ca": "Tria amb el generador que reps (rng.choice o rng.random), no amb np.random: la "
              "mateixa llavor ha de donar els mateixos tokens, i llavors diferents, tokens diferents.",
    },
    "sample_top_k": {
        "en": "With top_k = k, only the k tokens of largest logit may come out, and among them as "
              "often, relative to one another, as without top_k. What must the other tokens' "
              "probability be, and does it matter whether you set it before or after you "
              "normalise? (The causal mask faced the same question.)",
        "ca": "Amb top_k = k, només poden sortir els k tokens de logit més gran, i entre ells tan "
              "sovint, els uns respecte dels altres, com sense top_k. Quina ha de ser la "
              "probabilitat dels altres tokens, i importa si la fixes abans o després de "
              "normalitzar? (La màscara causal es trobava amb la mateixa pregunta.)",
    },
    "sample_frequencies": {
        "en": "The tokens do not come out as often as softmax(logits / temperature) says. Reread "
              "'Sampling with a temperature' in chapter 13: should a high temperature flatten the "
              "distribution or sharpen it, and does yours? Are you drawing with those "
              "probabilities?",
        "ca": "Els tokens no surten tan sovint com diu softmax(logits / temperatura). Rellegeix "
              "«Mostrejar amb una temperatura» al capítol 13: una temperatura alta hauria "
              "d'aplanar la distribució o fer-la més punxeguda, i la teva què fa? Tries amb "
              "aquestes probabilitats?",
    },
    "schedule_warmup": {
        "en": "Wrong rate during the warm-up (step < warmup_steps). The docstring's straight line "
              "is 0 one step BEFORE the first and peak_lr at step warmup_steps − 1: what is it "
              "at step 0 (not 0), and by how much does it grow at each step?",
        "ca": "La taxa durant l'escalfament (step < warmup_steps) no és correcta. La recta del "
              "docstring val 0 un pas ABANS del primer i peak_lr al pas warmup_steps − 1: quant "
              "val al pas 0 (no 0), i quant creix a cada pas?",
    },
    "schedule_start": {
        "en": "The decay must start from the top of the cosine, at peak_lr, at step "
              "warmup_steps: is your cosine counted from the end of the warm-up?",
        "ca": "El decaïment ha de començar dalt de tot del cosinus, a peak_lr, al pas "
              "warmup_steps: comptes el cosinus des del final de l'escalfament?",
    },
    "schedule_monotone": {
        "en": "After the warm-up the rate goes up again. The decay is HALF a cosine period, from "
              "its top to its bottom: how far through the period are you at the last step?",
        "ca": "Després de l'escalfament la taxa torna a pujar. El decaïment és MIG període d'un "
              "cosinus, de dalt de tot fins a baix de tot: quina part del període has recorregut "
              "a l'últim pas?",
    },
    "schedule_end": {
        "en": "Wrong rate at the last step (total_steps − 1): it must still be above min_lr, "
              "which the half cosine would reach only at step total_steps, one step after the "
              "last. Does yours arrive one step too early, or fall towards 0 instead of min_lr?",
        "ca": "La taxa de l'últim pas (total_steps − 1) no és correcta: encara ha de ser per "
              "sobre de min_lr, que el mig cosinus només assoliria al pas total_steps, un pas "
              "després de l'últim. El teu hi arriba un pas massa d'hora, o baixa cap a 0 en lloc "
              "de cap a min_lr?",
    },
    "schedule_shape": {
        "en": "The decay starts at peak_lr and goes down, but a rate between its ends is wrong. "
              "Half a cosine falls slowly near peak_lr, fastest halfway, slowly again near "
              "min_lr: a straight line does not. What fraction of the half period has the step "
              "gone through, and what is the cosine of that?",
        "ca": "El decaïment comença a peak_lr i baixa, però una taxa entre els extrems no és "
              "correcta. Mig cosinus baixa a poc a poc a prop de peak_lr, més de pressa a la "
              "meitat i a poc a poc de nou a prop de min_lr: una recta no. Quina fracció del mig "
              "període ha recorregut el pas, i quin n'és el cosinus?",
    },
}
