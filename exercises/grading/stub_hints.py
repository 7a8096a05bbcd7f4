"""The hint each stub raises (``raise NotImplementedError("...")``), in every language.

Stubs stay plain Python with their English hint; the plugin shows the hint in the learner's
language from this table. A test checks that every stub's hint is here, word for word.
"""

STUB_HINTS = {
    "ch01.mean_squared_error": {
        "en": "square each error (w * x + b - y), then return their mean",
        "ca": "eleva al quadrat cada error (w * x + b - y) i retorna'n la mitjana"},
    "ch01.improve": {
        "en": "score the 5 lines with mean_squared_error; a tie keeps (w, b)",
        "ca": "puntua les 5 rectes amb mean_squared_error; en cas d'empat, es queda (w, b)"},
    "ch01.fit_line": {
        "en": "call improve() `rounds` times; halve step when (w, b) did not move",
        "ca": "crida improve() `rounds` vegades; parteix step per la meitat si (w, b) no canvia"},
    "ch02.numerical_gradient": {
        "en": "central difference: evaluate f at x + h and at x - h",
        "ca": "diferència central: avalua f a x + h i a x - h"},
    "ch02.sin": {
        "en": "local derivative: cos of the input (v.data), not of the output",
        "ca": "derivada local: el cosinus de l'entrada (v.data), no de la sortida"},
    "ch03.perceptron_predict": {
        "en": "z = bias + sum of weights[i] * x[i]; 1 when z >= 0, else 0",
        "ca": "z = bias + suma de weights[i] * x[i]; 1 si z >= 0, si no 0"},
    "ch03.perceptron_update": {
        "en": "error = target - perceptron_predict(...); return a new list",
        "ca": "error = target - perceptron_predict(...); retorna una llista nova"},
    "ch03.train_perceptron": {
        "en": "count each mistake before its update; one count per epoch",
        "ca": "compta cada error abans de la seva actualització; un recompte per època"},
    "ch03.logistic_derivative": {
        "en": "compute f(z) from math.exp(-abs(z)): it never overflows",
        "ca": "calcula f(z) a partir de math.exp(-abs(z)): mai no es desborda"},
    "ch04.forward": {
        "en": "hidden outputs first (activation of net_j), then a linear output",
        "ca": "primer les sortides ocultes (activació de net_j), després una sortida lineal"},
    "ch04.interaction_table": {
        "en": "one row per education: [predict(e, 0), predict(e, 1)]",
        "ca": "una fila per nivell d'estudis: [predict(e, 0), predict(e, 1)]"},
    "ch04.interaction_effect": {
        "en": "raise = predict(education + 1, tech) - predict(education, tech)",
        "ca": "augment = predict(education + 1, tech) - predict(education, tech)"},
    "ch05.gradient_descent_step": {
        "en": "dL/dw is the mean of 2 * (w * x + b - y) * x; dL/db lacks the x",
        "ca": "dL/dw és la mitjana de 2 * (w * x + b - y) * x; a dL/db li falta la x"},
    "ch05.delta_rule": {
        "en": "feed forward, then output deltas, then hidden deltas, then dw",
        "ca": "passada endavant, després els deltes de sortida, els ocults i finalment dw"},
    "ch06.unbroadcast": {
        "en": "sum the added leading axes, then the size-1 axes (keepdims=True)",
        "ca": "suma els eixos afegits al davant i després els de mida 1 (keepdims=True)"},
    "ch06.softmax": {
        "en": "subtract x.max(axis, keepdims=True) before np.exp, then normalise",
        "ca": "resta x.max(axis, keepdims=True) abans de np.exp i després normalitza"},
    "ch06.log_softmax": {
        "en": "shifted = x - max along axis; minus log of the sum of exp(shifted)",
        "ca": "shifted = x - màxim al llarg de l'eix; menys el log de la suma d'exp(shifted)"},
    "ch07.train_epoch": {
        "en": "model.train(); per batch: forward, loss, zero_grad, backward, step",
        "ca": "model.train(); per lot: passada endavant, pèrdua, zero_grad, backward, step"},
    "ch07.early_stopping_epoch": {
        "en": "track the best loss and how many epochs since it improved",
        "ca": "porta el compte de la millor pèrdua i de les èpoques des que va millorar"},
    "ch07.accuracy_and_confusion_matrix": {
        "en": "M[true, predicted] += 1 per sample; accuracy: trace / N",
        "ca": "M[real, predita] += 1 per mostra; exactitud: traça / N"},
    "ch08.conv2d_loops": {
        "en": "pad with np.pad, then four loops: output i, j and kernel p, q",
        "ca": "farceix amb np.pad i després quatre bucles: sortida i, j i filtre p, q"},
    "ch08.max_pool": {
        "en": "stride None means size; take the max of each whole window",
        "ca": "stride None vol dir size; pren el màxim de cada finestra sencera"},
    "ch08.edge_response": {
        "en": "build the 2 x 2 kernel from strength, slide it with stride 1",
        "ca": "construeix el filtre 2 x 2 a partir de strength i fes-lo lliscar amb pas 1"},
    "ch09.pca": {
        "en": "centre X, then np.linalg.svd: the components are rows of Vt",
        "ca": "centra X i després np.linalg.svd: els components són les files de Vt"},
    "ch09.add_noise": {
        "en": "add rng.normal(0, std, size=X.shape), then np.clip to [0, 1]",
        "ca": "suma rng.normal(0, std, size=X.shape) i després np.clip a [0, 1]"},
    "ch09.reconstruction_error": {
        "en": "square the differences, average over all axes but the first",
        "ca": "eleva les diferències al quadrat i fes la mitjana sobre tots els eixos menys el primer"},
    "ch09.make_autoencoder": {
        "en": "two nn.MLP: 64 -> ... -> code_size, then back to 64 (sigmoid)",
        "ca": "dos nn.MLP: codificador 64 -> ... -> code_size, descodificador fins a 64 (sigmoide)"},
    "ch10.bag_of_words": {
        "en": "map each vocabulary word to its column, then count the tokens",
        "ca": "fes correspondre cada paraula del vocabulari a la seva columna i compta els tokens"},
    "ch10.ngrams": {
        "en": "join tokens[i:i + n] with spaces, for i from 0 to len(tokens) - n",
        "ca": "uneix tokens[i:i + n] amb espais, per a i de 0 a len(tokens) - n"},
    "ch10.cosine_similarity": {
        "en": "u @ v / (norm(u) * norm(v)); test for a zero norm first",
        "ca": "u @ v / (norm(u) * norm(v)); comprova primer si alguna norma és zero"},
    "ch10.analogy": {
        "en": "target = b - a + c; the most cosine-similar word, not a, b or c",
        "ca": "target = b - a + c; la paraula més semblant en cosinus, que no sigui a, b ni c"},
    "ch11.freeze_features": {
        "en": "layer i's parameters get requires_grad = (i >= n_frozen)",
        "ca": "els paràmetres de la capa i reben requires_grad = (i >= n_frozen)"},
    "ch11.compare": {
        "en": "for each n, the first n examples of each class, in pool order",
        "ca": "per a cada n, els n primers exemples de cada classe, en l'ordre del conjunt"},
    "ch12.error_rates_by_group": {
        "en": "per group, the mean of (y_pred != y_true) over its examples",
        "ca": "per a cada grup, la mitjana de (y_pred != y_true) sobre els seus exemples"},
    "ch12.saliency_map": {
        "en": "scores[0, target].backward(); then abs(x.grad) reshaped to (H, W)",
        "ca": "scores[0, target].backward(); després abs(x.grad) amb forma (H, W)"},
}
