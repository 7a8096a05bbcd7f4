"""The hint each stub raises (``raise NotImplementedError("...")``), in every language.

Stubs stay plain Python with their English hint; the plugin shows the hint in the learner's
language from this table. A test checks that every stub's hint is here, word for word.
"""

STUB_HINTS = {
    'ch01.best_intercept': {
        "en": 'with w fixed, L is a curve in b alone: which curve, lowest where?',
        "ca": 'amb w fix, L és una corba només en b: quina corba, i on és més baixa?'},
    'ch01.fit_line': {
        "en": 'call improve() `rounds` times; halve step when (w, b) did not move',
        "ca": 'crida improve() `rounds` vegades; parteix step per la meitat si (w, b) no canvia'},
    'ch01.improve': {
        "en": 'score the 5 lines with mean_squared_error; a tie keeps (w, b)',
        "ca": "puntua les 5 rectes amb mean_squared_error; en cas d'empat, es queda (w, b)"},
    'ch02.gradients': {
        "en": "one dict from value to gradient; when is a value's entry complete?",
        "ca": "un diccionari que associï cada valor al seu gradient; quan és completa l'entrada d'un valor?"},
    'ch02.levels': {
        "en": "a value's level needs its parents' levels: which order gives them?",
        "ca": "el nivell d'un valor depèn dels nivells dels pares: en quin ordre els pots saber?"},
    'ch02.local_derivatives': {
        "en": 'b varies: which rule of the list has a variable exponent? which use out?',
        "ca": "b també varia: quina regla de la llista té exponent variable? quines usen out?"},
    'ch02.loss_gradient': {
        "en": 'one Value for the whole loss; what did an earlier call leave?',
        "ca": 'un sol Value per a tota la pèrdua; què hi ha deixat una crida anterior?'},
    'ch02.numerical_gradient': {
        "en": 'one partial derivative per coordinate: which coordinates stay fixed?',
        "ca": 'una derivada parcial per coordenada: quines coordenades es queden fixes?'},
    'ch02.sin': {
        "en": 'local derivative: at which value is it evaluated, the operand or the result?',
        "ca": "derivada local: en quin valor s'avalua, en l'operand o en el resultat?"},
    'ch03.equivalent_start': {
        "en": 'write z after a few updates: which part grows with lr, which not?',
        "ca": "escriu z després d'uns quants canvis: quina part creix amb lr i quina no?"},
    'ch03.logistic_derivative': {
        "en": 'try z = −1000 and z = 1000: which intermediate number is out of range?',
        "ca": "prova z = −1000 i z = 1000: quin nombre intermedi surt del rang dels floats?"},
    'ch03.perceptron_predict': {
        "en": 'the weighted sum and the bias decide; mind a sum of exactly 0',
        "ca": "decideixen la suma ponderada i el biaix; compte amb una suma d'exactament 0"},
    'ch03.perceptron_update': {
        "en": 'the error (target against current output) scales each change',
        "ca": "l'error (l'objectiu comparat amb la sortida actual) escala cada canvi"},
    'ch03.train_perceptron': {
        "en": 'count each mistake before its update; one count per epoch',
        "ca": 'compta cada error abans d\'actualitzar; un recompte per època'},
    'ch03.xor_loop': {
        "en": "print the weights and bias at each epoch's end: when do they repeat?",
        "ca": "escriu els pesos i el biaix al final de cada època: quan es repeteixen?"},
    'ch04.collapse_linear': {
        "en": "write ŷ with x alone: what does each x_i end up multiplied by?",
        "ca": 'escriu ŷ només en funció de x: per quin nombre acaba multiplicada cada x_i?'},
    'ch04.forward': {
        "en": 'hidden outputs first (activation of z_j), then a linear output',
        "ca": "primer les sortides ocultes (l'activació de z_j), després una sortida lineal"},
    'ch04.relu_kinks': {
        "en": "where does each neuron switch, and on which side is it on?",
        "ca": "on s'encén o s'apaga cada neurona, i a quin costat queda encesa?"},
    'ch05.deep_delta_rule': {
        "en": "deltas from the output back: which f' has tanh, and which a linear output?",
        "ca": "deltes de la sortida cap enrere: quina f' té tanh, i quina una sortida lineal?"},
    'ch05.gradient_descent_step': {
        "en": 'differentiate one term (w * x + b - y) ** 2 by the chain rule, then average',
        "ca": 'deriva un terme (w * x + b - y) ** 2 amb la regla de la cadena i fes-ne la mitjana'},
    'ch06.div_backward': {
        "en": "entry by entry: how much does out move when y moves? then back to y's shape",
        "ca": 'element a element: quant es mou out quan es mou y? Després, torna a la forma de y'},
    'ch06.logsumexp': {
        "en": "shift by the slice's maximum; what is that maximum if every score is -inf?",
        "ca": 'desplaça pel màxim del tall; quin és aquest màxim si totes les puntuacions són -inf?'},
    'ch06.quadratic_backward': {
        "en": 'x appears twice in the product: what does each appearance send back?',
        "ca": 'x apareix dues vegades al producte: què retorna cada aparició?'},
    'ch06.softmax_backward': {
        "en": 'work out ∂sᵢ/∂zⱼ by hand: in Σᵢ gᵢ ∂sᵢ/∂zⱼ, what is the same for every j?',
        "ca": 'calcula a mà ∂sᵢ/∂zⱼ: a Σᵢ gᵢ ∂sᵢ/∂zⱼ, què és igual per a tots els j?'},
    'ch06.unbroadcast': {
        "en": 'which axes did broadcasting add or stretch? what do the copies send back?',
        "ca": 'quins eixos ha afegit o estirat el broadcasting? què retornen les còpies?'},
    'ch07.accuracy_under_priors': {
        "en": 'which numbers of the matrix stay put when a class becomes twice as common?',
        "ca": 'quins nombres de la matriu no canvien si una classe es fa el doble de freqüent?'},
    'ch07.cross_entropy': {
        "en": "differentiate one row's loss by hand, q and all; which rows does the mean count?",
        "ca": "deriva a mà la pèrdua d'una fila, amb q i tot; quines files compta la mitjana?"},
    'ch07.early_stopping_epoch': {
        "en": 'track the best loss and how many epochs since it improved',
        "ca": 'porta el compte de la millor pèrdua i de les èpoques des que va millorar'},
    'ch07.example_gradient_norms': {
        "en": "write example i's share of Gᵀ X alone: what is its norm?",
        "ca": "escriu per separat la part de l'exemple i a Gᵀ X: quina norma té?"},
    'ch07.linear': {  # part of exercise 7.8 (train_digits), a stub with a hint of its own
        "en": 'match shapes: which products of grad, x and weight give dx and dweight?',
        "ca": 'fixa-t\'hi en les formes: quins productes de grad, x i weight donen dx i dweight?'},
    'ch07.largest_stable_lr': {
        "en": 'one step maps (w, v) to a matrix times (w, v): when do its powers shrink?',
        "ca": 'un pas porta (w, v) a una matriu per (w, v): quan es fan petites les seves potències?'},
    'ch07.train_digits': {
        "en": 'initialise as Linear does; per batch: forward, loss, back, step',
        "ca": 'inicialitza com ho fa Linear; per lot: endavant, pèrdua, enrere, pas'},
    'ch07.uncorrected_adam_ratio': {
        "en": 'write m and s after t steps as sums over the gradients; then divide',
        "ca": 'escriu m i s després de t passos com a sumes dels gradients; després divideix'},
    'ch07.train_epoch_accumulated': {
        "en": "gradients add up between zero_grad calls: how should each batch's loss count?",
        "ca": 'els gradients se sumen entre crides a zero_grad: quant ha de comptar la pèrdua de cada lot?'},
    'ch08.commutes_with_max_pool': {
        "en": 'try one window of two pixels, one of them negative',
        "ca": "prova amb una finestra de dos píxels, un d'ells negatiu"},
    'ch08.conv2d_backward': {
        "en": 'taps dilation apart: which pixel does each read, and where does its gradient go?',
        "ca": 'elements del filtre separats per dilation: quin píxel llegeix cadascun, i on va el seu gradient?'},
    'ch08.conv2d_loops': {
        "en": 'pad with np.pad, then loop over the output positions',
        "ca": 'farceix amb np.pad i després recorre les posicions de la sortida'},
    'ch08.max_pool': {
        "en": 'stride None means size; take the max of each whole window',
        "ca": 'stride None vol dir size; pren el màxim de cada finestra sencera'},
    'ch08.max_pool2d_backward': {
        "en": 'per window: which entry won, and where is it in x? windows may share it',
        "ca": 'per finestra: quin element ha guanyat, i on és dins de x? les finestres el poden compartir'},
    'ch08.receptive_field': {
        "en": 'start from one output value and go back to the input, a layer at a time',
        "ca": "parteix d'un valor de la sortida i torna cap a l'entrada, capa per capa"},
    'ch08.shift_right_kernel': {
        "en": 'which pixel must out[i, j] copy, and which weight multiplies it?',
        "ca": 'quin píxel ha de copiar out[i, j], i quin pes el multiplica?'},
    'ch09.flag_anomalies': {
        "en": 'at most m normal errors may lie above t: how low can t go?',
        "ca": 'com a molt m errors normals poden quedar per sobre de t: fins on pot baixar t?'},
    'ch09.mask_pixels': {
        "en": 'exactly m pixels per image, from rng, a new draw for every image',
        "ca": 'exactament m píxels per imatge, amb rng, un sorteig nou per a cada imatge'},
    'ch09.make_tied_autoencoder': {
        "en": 'the decoder may keep the encoder as an attribute: its matrices come along',
        "ca": 'el descodificador pot guardar el codificador com a atribut: les matrius hi van'},
    'ch09.pca_errors': {
        "en": 'no reconstruction: what do centred rows lose per dropped direction?',
        "ca": 'sense reconstruir res: què perden les files centrades per cada direcció que es deixa?'},
    'ch10.analogy_miss': {
        "en": 'write (b - a + c) - d with the two arrows; then its squared length',
        "ca": 'escriu (b - a + c) - d amb les dues fletxes; després, la seva longitud al quadrat'},
    'ch10.bag_cosine': {
        "en": 'a count vector of 0s and 1s: what are u·v and |u|?',
        "ca": 'un vector de recomptes de 0 i 1: quant valen u·v i |u|?'},
    'ch10.mark_negation': {
        "en": 'the tokens alone have lost the commas: where does a clause end?',
        "ca": 'els tokens sols ja han perdut les comes: on acaba una proposició?'},
    'ch10.neutralize': {
        "en": 'nearest perpendicular vector: what do you take away, and how much?',
        "ca": 'el vector perpendicular més proper: què hi treus, i quant?'},
    'ch11.discriminative_param_groups': {
        "en": 'list the layers first, nested ones too; which one learns at base_lr?',
        "ca": 'primer fes la llista de les capes, també les niades; quina aprèn amb base_lr?'},
    'ch11.equivalent_labels': {
        "en": 'walk the scratch curve from the left: where does it first cross?',
        "ca": "recorre d'esquerra a dreta la corba des de zero: on travessa per primer cop l'exactitud?"},
    'ch12.miss_rates_by_group': {
        "en": 'first split each group into its positives and its negatives',
        "ca": 'primer separa cada grup en els seus positius i els seus negatius'},
    'ch12.saliency_maps': {
        "en": 'which one number, backpropagated, gives each image its own map?',
        "ca": 'quin nombre, retropropagat, dona a cada imatge el seu propi mapa?'},
    'ch13.attention_mask': {
        "en": 'two conditions, on (i, j) and on (seq, j): how do they broadcast?',
        "ca": 'dues condicions, sobre (i, j) i sobre (seq, j): com es difonen?'},
    'ch13.attention_weights': {
        "en": 'a masked key must get weight exactly 0: mask before or after the softmax?',
        "ca": "una clau emmascarada ha de tenir pes exactament 0: màscara abans o després de la softmax?"},
    'ch13.block_step': {
        "en": 'what of the earlier tokens can the new token still change?',
        "ca": 'què dels tokens anteriors pot canviar encara el token nou?'},
    'ch13.layer_norm': {
        "en": 'each row on its own: which axis, and what shape must the mean have?',
        "ca": 'cada fila per separat: al llarg de quin eix, i quina forma ha de tenir la mitjana?'},
    'ch13.limit_weights': {
        "en": 'what does a softmax see when every score is nearly the same?',
        "ca": 'què veu una softmax quan totes les puntuacions són gairebé iguals?'},
    'ch13.peak_weight': {
        "en": 'scores without the √d: what can you pass to attention_weights?',
        "ca": 'puntuacions sense la √d: què pots passar a attention_weights?'},
    'ch13.rescaled_layer_norm': {
        "en": 'what do the mean and the spread of m · x + u become?',
        "ca": 'com queden la mitjana i la dispersió de m · x + u?'},
    'ch13.sample': {
        "en": 'treat temperature 0 apart; with top_k, what do the other logits become?',
        "ca": 'tracta la temperatura 0 a part; amb top_k, què passa amb els altres logits?'},
    'ch13.warmup_cosine': {
        "en": 'a fraction from 0 to 1 for each phase: at which steps is it 0, and 1?',
        "ca": 'una fracció de 0 a 1 per a cada fase: a quins passos val 0, i 1?'},
}
