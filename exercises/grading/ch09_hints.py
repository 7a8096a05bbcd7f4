"""The hints of chapter 9's graders (exercises/test_ch09_autoencoders.py), in English and Catalan.

Each says what to look at, never the answer: tests/test_hint_spoilers.py checks that no hint
holds an expression of the reference solution.
"""

HINTS = {
    "errors_shape": {
        "en": "Return one error for every k from 0 to d: an array of d + 1 numbers, even when X "
              "has fewer rows than columns. How many singular values does the SVD give then, and "
              "what are the missing ones worth?",
        "ca": "Retorna un error per a cada k de 0 a d: un array de d + 1 nombres, fins i tot "
              "quan X té menys files que columnes. Quants valors singulars dona aleshores la SVD, "
              "i quant valen els que falten?",
    },
    "errors_untouched": {
        "en": "Do not modify X: `X -= mean` centres the caller's data in place. Write "
              "centred = X - mean, which makes a new array.",
        "ca": "No modifiquis X: `X -= mean` centra in situ les dades del codi que crida la teva "
              "funció. Escriu centred = X - mean, que crea un array nou.",
    },
    "errors_mean_only": {
        "en": "E_0 is wrong. With k = 0 PCA rebuilds every row as the mean μ, so E_0 is the mean of "
              "(x - μ)² over all N·d numbers. Is your data centred before the SVD, and what do "
              "you divide by?",
        "ca": "E_0 no és correcte. Amb k = 0 la PCA reconstrueix cada fila com la mitjana μ, i "
              "per tant E_0 és la mitjana de (x - μ)² de tots els N·d nombres. Centres les "
              "dades abans de la SVD? I per quin nombre divideixes?",
    },
    "errors_all_kept": {
        "en": "E_d must be 0: with all d directions PCA loses nothing. Does entry k count the "
              "directions that PCA keeps, or the ones it drops?",
        "ca": "E_d ha de ser 0: amb totes les d direccions la PCA no perd res. L'element k compta "
              "les direccions que la PCA conserva o les que deixa?",
    },
    "errors_values": {
        "en": "Some E_k are wrong. Write the centred data as the SVD's sum of pieces, one per "
              "singular value: what does a row lose when PCA drops piece i, and how much is that "
              "over all the rows? Is it a singular value or something else?",
        "ca": "Alguns E_k no són correctes. Escriu les dades centrades com la suma de peces de "
              "la SVD, una per valor singular: què perd una fila quan la PCA deixa la peça i, i "
              "quant suma això comptant totes les files? És un valor singular o una altra cosa?",
    },
    "mask_shape": {
        "en": "Return a new float array of the same shape as X, and leave X unchanged: the caller "
              "still needs the clean images.",
        "ca": "Retorna un array nou de decimals amb la mateixa forma que X, i deixa X sense "
              "canvis: el codi que crida la teva funció encara necessita les imatges netes.",
    },
    "mask_count": {
        "en": "Each image must lose exactly m = round(fraction · d) pixels, not about that many. "
              "Does your draw decide pixel by pixel (then the count varies), or can it pick the "
              "same pixel twice?",
        "ca": "Cada imatge ha de perdre exactament m = round(fraction · d) píxels, no "
              "aproximadament aquest nombre. El teu sorteig decideix píxel per píxel (aleshores "
              "el nombre varia) o pot triar dues vegades el mateix píxel?",
    },
    "mask_kept": {
        "en": "The pixels that are not masked must keep their value exactly: set the chosen ones "
              "to 0 and change nothing else.",
        "ca": "Els píxels que no s'emmascaren han de conservar exactament el seu valor: posa els "
              "triats a 0 i no canviïs res més.",
    },
    "mask_rng": {
        "en": "Two generators made with the same seed must give the same masks, and different "
              "seeds different ones. Where does your randomness come from: the generator you are "
              "given, or np.random?",
        "ca": "Dos generadors creats amb la mateixa llavor han de donar les mateixes màscares, i "
              "llavors diferents, màscares diferents. D'on surt el teu atzar: del generador que "
              "reps, o de np.random?",
    },
    "mask_independent": {
        "en": "Every image needs its own draw: masking the same pixels in every image teaches a "
              "denoiser to fill in those pixels only.",
        "ca": "Cada imatge necessita el seu propi sorteig: emmascarar els mateixos píxels a totes "
              "les imatges ensenya un eliminador de soroll a omplir només aquells píxels.",
    },
    "mask_uniform": {
        "en": "Every pixel must be as likely to be masked as any other. Are some positions "
              "favoured by your draw, for example the first ones?",
        "ca": "Cada píxel ha de tenir la mateixa probabilitat de ser emmascarat que qualsevol "
              "altre. El teu sorteig afavoreix algunes posicions, per exemple les primeres?",
    },
    "flag_shape": {
        "en": "Return one answer per example to check: a boolean array (True = flagged) of the "
              "shape of errors, not of normal_errors.",
        "ca": "Retorna una resposta per cada exemple que cal revisar: un array booleà (True = "
              "marcat) de la forma d'errors, no de normal_errors.",
    },
    "flag_values": {
        "en": "Some examples are flagged wrongly. The threshold comes from normal_errors alone, "
              "never from the errors being checked. Count how many normal errors your threshold "
              "leaves above it: at most m, and could it go any lower?",
        "ca": "Alguns exemples no estan ben marcats. El llindar surt només de normal_errors, mai "
              "dels errors que revises. Compta quants errors normals deixa per sobre el teu "
              "llindar: com a molt m, i podria baixar més?",
    },
    "flag_ties": {
        "en": "Here several normal errors are equal, or an error equals the threshold. An error "
              "equal to t is not above t; and with ties, fewer than m normal examples may end up "
              "above the lowest possible t.",
        "ca": "Aquí hi ha errors normals iguals, o un error igual al llindar. Un error igual a t "
              "no és per sobre de t; i amb empats, pot ser que menys de m exemples normals quedin "
              "per sobre del t més baix possible.",
    },
    "flag_m": {
        "en": "m is false_alarms · N rounded DOWN: a rate of 0.29 with N = 10 allows 2 false "
              "alarms, not 3.",
        "ca": "m és false_alarms · N arrodonit cap AVALL: una taxa de 0,29 amb N = 10 permet 2 "
              "falses alarmes, no 3.",
    },
    "flag_untouched": {
        "en": "Your function changed an input. Work on a copy: the caller still needs "
              "normal_errors and errors as they were.",
        "ca": "La teva funció ha modificat una entrada. Treballa sobre una còpia: qui la crida "
              "encara necessita normal_errors i errors tal com eren.",
    },
    "flag_refuse": {
        "en": "With this input no threshold makes sense. Raise a ValueError whose message names "
              "flag_anomalies and the argument at fault, as the docstring asks.",
        "ca": "Amb aquesta entrada cap llindar no té sentit. Llança un ValueError amb un missatge "
              "que esmenti flag_anomalies i l'argument que falla, com demana el docstring.",
    },
    "ae_type": {
        "en": "Return nn.Autoencoder(encoder, decoder), built from minigrad.nn modules: the "
              "encoder of nn.Linear layers and a decoder module of your own.",
        "ca": "Retorna nn.Autoencoder(encoder, decoder), fet amb mòduls de minigrad.nn: el "
              "codificador amb capes nn.Linear i un mòdul descodificador fet per tu.",
    },
    "ae_code": {
        "en": "The encoder must squeeze each input into exactly sizes[-1] numbers: its layers "
              "go from sizes[0] to sizes[1], …, to sizes[-1]. Use the sizes you are given.",
        "ca": "El codificador ha de comprimir cada entrada en exactament sizes[-1] nombres: "
              "les seves capes van de sizes[0] a sizes[1], …, fins a sizes[-1]. Fes servir les "
              "mides que reps.",
    },
    "ae_output": {
        "en": "The decoder must give back sizes[0] numbers per input, the size of the input: "
              "reconstruction = decoder(encoder(input)), through the layers in the reverse order.",
        "ca": "El descodificador ha de retornar sizes[0] nombres per entrada, la mida de "
              "l'entrada: reconstrucció = decoder(encoder(entrada)), per les capes en ordre "
              "invers.",
    },
    "ae_count": {
        "en": "The decoder has no weight matrix of its own: the parameters are the encoder's "
              "matrices and biases, plus one bias per decoder layer. Does your decoder make "
              "matrices of its own, or leave out its biases?",
        "ca": "El descodificador no té cap matriu de pesos pròpia: els paràmetres són les "
              "matrius i els biaixos del codificador, més un biaix per capa del descodificador. "
              "El teu descodificador crea matrius pròpies, o es deixa els biaixos?",
    },
    "ae_tied": {
        "en": "The decoder must compute with the encoder's own weight tensors, so that training "
              "the decoder trains them too: not with copies, and not with their .data, which "
              "the gradient does not reach.",
        "ca": "El descodificador ha de calcular amb els mateixos tensors de pesos del "
              "codificador, perquè entrenar-lo també els entreni: no amb còpies, ni amb el .data "
              "d'aquests tensors, on el gradient no arriba.",
    },
    "ae_relu": {
        "en": "Put a ReLU between two layers, in the encoder and in the decoder: Linear layers "
              "one after another without one are a single linear map, and the extra layer "
              "adds nothing.",
        "ca": "Posa una ReLU entre dues capes, al codificador i al descodificador: capes Linear "
              "una darrere l'altra sense cap ReLU són una sola aplicació lineal, i la capa de "
              "més no hi afegeix res.",
    },
    "ae_target": {
        "en": "After training, the reconstruction error is not below PCA's. What can an "
              "autoencoder do that PCA, a linear map, cannot, and does yours? Is the code left "
              "as the last Linear layer gives it, and is the sigmoid at the output only?",
        "ca": "Després de l'entrenament, l'error de reconstrucció no és més petit que el de la "
              "PCA. Què pot fer un autocodificador que la PCA, una aplicació lineal, no pot, i el "
              "teu ho fa? Deixes el codi tal com el dona l'última capa Linear, i la sigmoide és "
              "només a la sortida?",
    },
    "ae_code_linear": {
        "en": "Leave the code as the last Linear layer gives it: a ReLU, a sigmoid or a tanh "
              "there forbids values that a linear map reaches, and a code needs them all.",
        "ca": "Deixa el codi tal com el dona l'última capa Linear: una ReLU, una sigmoide o una "
              "tanh en aquest punt prohibeixen valors que una aplicació lineal assoleix, i el codi "
              "els necessita tots.",
    },
    "ae_bottleneck": {
        "en": "Everything the decoder knows about an input must pass through its code: keep no "
              "state between the encoder and the decoder, and let the model's forward be "
              "decode(encode(x)).",
        "ca": "Tot el que el descodificador sap d'una entrada ha de passar pel codi: no guardis "
              "cap estat entre el codificador i el descodificador, i fes que la passada endavant "
              "del model sigui decode(encode(x)).",
    },
}
