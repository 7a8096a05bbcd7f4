"""The hints of chapter 2's engine graders (exercises/test_ch02_engine.py), in English and Catalan.

Each names what to look at, never the formula: tests/test_hint_spoilers.py checks that no hint
holds an expression of the reference solution.
"""

COMMAND = "pytest exercises/test_ch02_engine.py -m ch02.{}"
PIECES = ("local_derivatives", "levels", "gradients")   # what loss_gradient runs on

HINTS = {
    "local_shape": {
        "en": "Return a tuple with one local derivative per operand: two for '**' and 'hypot' "
              "(for a, then for b), one for 'softplus' and 'silu'.",
        "ca": "Retorna una tupla amb una derivada local per a cada operand: dues per a '**' i "
              "'hypot' (per a a, després per a b), una per a 'softplus' i 'silu'.",
    },
    "**": {
        "en": "out = a ** b with both a and b values. For a, hold b fixed: the chapter's power "
              "rule. For b, hold a fixed: the variable is now in the exponent, so write a as "
              "e ** ln(a) and use the exponential's rule with the chain rule.",
        "ca": "out = a ** b amb a i b tots dos valors. Per a a, deixa b fix: la regla de la "
              "potència del capítol. Per a b, deixa a fix: ara la variable és a l'exponent, "
              "així que escriu a com a e ** ln(a) i aplica la regla de l'exponencial amb la "
              "regla de la cadena.",
    },
    "hypot": {
        "en": "out = sqrt(a ** 2 + b ** 2), the square root of u = a ** 2 + b ** 2. By the "
              "chain rule: the derivative of the square root (a power, exponent 1/2) at u, "
              "times the derivative of u with respect to a (then b). Did you multiply by that "
              "second factor? The square root itself is out, which simplifies the result.",
        "ca": "out = sqrt(a ** 2 + b ** 2), l'arrel quadrada d'u = a ** 2 + b ** 2. Per la "
              "regla de la cadena: la derivada de l'arrel (una potència d'exponent 1/2) en u, "
              "per la derivada d'u respecte d'a (després de b). Has multiplicat per aquest "
              "segon factor? L'arrel mateixa és out, i això simplifica el resultat.",
    },
    "softplus": {
        "en": "out = ln(1 + e ** a): by the chain rule, the logarithm's derivative at 1 + e ** a "
              "times the derivative of 1 + e ** a. Simplify the fraction: which function of the "
              "chapter's list is it, taken at a or at -a? Since e ** out = 1 + e ** a, out gives "
              "it too.",
        "ca": "out = ln(1 + e ** a): per la regla de la cadena, la derivada del logaritme en "
              "1 + e ** a per la derivada d'1 + e ** a. Simplifica la fracció: quina funció de "
              "la llista del capítol és, avaluada en a o en -a? Com que e ** out = 1 + e ** a, "
              "també la pots obtenir d'out.",
    },
    "silu": {
        "en": "out = a * sigmoid(a) is a product of two functions of a, so use the product rule: "
              "each factor's derivative times the other factor, added. The sigmoid's derivative "
              "is in the chapter's list.",
        "ca": "out = a * sigmoid(a) és un producte de dues funcions d'a: fes servir la regla "
              "del producte, la derivada de cada factor per l'altre factor, sumades. La derivada "
              "de la sigmoide és a la llista del capítol.",
    },
    "own_local": {
        "en": "Write the derivatives with the formulas (math.log, math.exp, ...): minigrad is "
              "switched off in this exercise, because the exercise is to derive them.",
        "ca": "Escriu les derivades amb les fórmules (math.log, math.exp, ...): minigrad està "
              "desactivat en aquest exercici, perquè l'exercici és deduir-les.",
    },
    "levels_list": {
        "en": "Return a list of lists of the values themselves (the objects, not their data or "
              "labels): one list per level, level 0 first.",
        "ca": "Retorna una llista de llistes dels valors mateixos (els objectes, no les dades ni "
              "les etiquetes): una llista per nivell, començant pel nivell 0.",
    },
    "levels_once": {
        "en": "A value reached by several paths appears more than once in your levels. How does "
              "your code know that it has already placed a value?",
        "ca": "Un valor al qual s'arriba per diversos camins surt més d'un cop als teus nivells. "
              "Com sap el teu codi que ja ha col·locat un valor?",
    },
    "levels_blowup": {
        "en": "Your code goes through the same values again and again (the number of paths grows "
              "exponentially with a graph's depth). What could it remember so that no value's "
              "level is ever worked out twice?",
        "ca": "El teu codi passa pels mateixos valors una vegada i una altra (el nombre de camins "
              "creix exponencialment amb la profunditat del graf). Què podria recordar perquè no "
              "hagi de calcular mai dues vegades el nivell d'un valor?",
    },
    "levels_members": {
        "en": "Return root and every value it was computed from, going up through .parents, "
              "and nothing else.",
        "ca": "Retorna root i tots els valors a partir dels quals s'ha calculat, pujant per "
              ".parents, i res més.",
    },
    "levels_depth": {
        "en": "A value is on the wrong level. Its level depends on every parent, through the "
              "longest way down to a leaf, not the first or the shortest one. When your code "
              "gives a value its level, does it already know the levels of all its parents?",
        "ca": "Un valor és en un nivell equivocat. El seu nivell depèn de tots els pares, pel "
              "camí més llarg fins a una fulla, no pel primer ni pel més curt. Quan el teu codi "
              "dona el nivell a un valor, ja sap els nivells de tots els seus pares?",
    },
    "levels_count": {
        "en": "The list must have one entry per level, from 0 to root's level: root is alone on "
              "the last one, and no level is empty (why can none be?).",
        "ca": "La llista ha de tenir una entrada per nivell, del 0 al nivell de root: root és "
              "sola a l'últim, i cap nivell no és buit (per què no ho pot ser cap?).",
    },
    "recursion": {
        "en": "Python stops a recursion after about 1,000 nested calls, and this graph is 5,000 "
              "operations deep. Use a while loop and a list as your own stack instead of a "
              "function that calls itself.",
        "ca": "Python atura una recursió al cap d'unes 1.000 crides niades, i aquest graf té "
              "5.000 operacions de profunditat. Fes servir un bucle while i una llista com a "
              "pila pròpia en lloc d'una funció que es crida a si mateixa.",
    },
    "seed": {
        "en": "d(root)/d(root) is not 1, or every gradient is 0. What is the derivative of root "
              "with respect to itself, and who gives it that value, if nothing above root sends "
              "it a gradient?",
        "ca": "d(root)/d(root) no és 1, o tots els gradients són 0. Quina és la derivada de root "
              "respecte d'ella mateixa, i d'on li ve aquest valor, si res per sobre de root no "
              "li envia cap gradient?",
    },
    "accumulate": {
        "en": "A value used twice (x * x, or a in a * b + a) ends up with the contribution of one "
              "use only. Reread 'A value used twice: gradients add up' in chapter 2: what must "
              "happen to the contribution that arrives second?",
        "ca": "Un valor que es fa servir dues vegades (x * x, o a en a * b + a) acaba amb la "
              "contribució d'un sol ús. Rellegeix «Un valor fet servir dues vegades: els "
              "gradients se sumen» al capítol 2: què ha de passar amb la contribució que arriba "
              "en segon lloc?",
    },
    "reverse": {
        "en": "The gradients depend on the order of your walk. A value may send its gradient on "
              "only when every value that used it has sent it its share: on which levels are "
              "the users of a value, and in which order must you walk the levels?",
        "ca": "Els gradients depenen de l'ordre del teu recorregut. Un valor només pot enviar el "
              "seu gradient quan tots els valors que l'han fet servir ja li han enviat la seva "
              "part: en quins nivells són els que fan servir un valor, i en quin ordre has de "
              "recórrer els nivells?",
    },
    "gradients": {
        "en": "Compare the three parts of your gradients with 'Backpropagation in topological "
              "order' in chapter 2: where the pass starts (root's own gradient), in which order "
              "it visits the values, and how a parent combines the gradients it receives.",
        "ca": "Compara les tres parts de la teva funció gradients amb «La retropropagació en "
              "ordre topològic» al capítol 2: on comença la passada (el gradient de root "
              "mateixa), en quin ordre visita els valors i com combina un pare els gradients que "
              "rep.",
    },
    "gradients_list": {
        "en": "Return a list of numbers, one per input and in the order of inputs: the "
              "derivative of root with respect to that input.",
        "ca": "Retorna una llista de nombres, un per entrada i en l'ordre d'inputs: la derivada "
              "de root respecte d'aquella entrada.",
    },
    "untouched": {
        "en": "gradients must return the derivatives and leave every .grad as it was, as "
              "torch.autograd.grad does: keep your numbers somewhere of your own, one per value.",
        "ca": "gradients ha de retornar les derivades i deixar tots els .grad com eren, com fa "
              "torch.autograd.grad: guarda els teus nombres en un lloc teu, un per valor.",
    },
    "unreached": {
        "en": "root was not computed from this input: how much does root move when you nudge "
              "it? Your function must answer for any input it is given.",
        "ca": "root no s'ha calculat a partir d'aquesta entrada: quant es mou root quan la mous "
              "una mica? La teva funció ha de respondre per a qualsevol entrada que rebi.",
    },
    "twice": {
        "en": "A second call on the same graph gives other numbers than the first: what does "
              "your function keep from one call to the next?",
        "ca": "Una segona crida sobre el mateix graf dona nombres diferents dels de la primera: "
              "què guarda la teva funció d'una crida a la següent?",
    },
    "one_pass": {
        "en": "Your function goes through the graph far more often than it has values (once per "
              "input, or once per path). One backward pass gives the derivative of root with "
              "respect to every value of the graph at once: reread chapter 2's 'Backpropagation "
              "in topological order'.",
        "ca": "La teva funció recorre el graf moltes més vegades que valors té (un cop per "
              "entrada, o un cop per camí). Una sola passada enrere dona la derivada de root "
              "respecte de tots els valors del graf alhora: rellegeix «La retropropagació en "
              "ordre topològic» al capítol 2.",
    },
    "own_engine": {
        "en": "Compute the loss with the Values of exercises/ch02_engine.py and your engine: "
              "minigrad is switched off in this exercise, and your gradients must do the work "
              "(loss.backward() calls it).",
        "ca": "Calcula la pèrdua amb els Value d'exercises/ch02_engine.py i el teu motor: "
              "minigrad està desactivat en aquest exercici, i la feina l'ha de fer la teva "
              "funció gradients (la crida loss.backward()).",
    },
    "result": {
        "en": "Return a pair (loss, grads): the loss as a float (the .data of your loss Value) "
              "and a list with one float per parameter, in the order of model.parameters().",
        "ca": "Retorna una parella (loss, grads): la pèrdua com a float (el .data del Value de "
              "la pèrdua) i una llista amb un float per a cada paràmetre, en l'ordre de "
              "model.parameters().",
    },
    "loss_value": {
        "en": "The loss is the mean over the points of (-t * score).softplus(), with t = +1 "
              "for class 1 and t = -1 for class 0: check the targets, the sign and the "
              "division by the number of points.",
        "ca": "La pèrdua és la mitjana de (-t * score).softplus() en tots els punts, amb t = +1 "
              "per a la classe 1 i t = -1 per a la classe 0: comprova els objectius, el signe "
              "i la divisió pel nombre de punts.",
    },
    "given": {
        "en": "With the grader's own local_derivatives, levels and gradients, the gradients "
              "of the MLP do not match the central differences: the given part of "
              "exercises/ch02_engine.py (Value and its backward, _result, MLP) has been changed. "
              "Put it back as it was.",
        "ca": "Amb local_derivatives, levels i gradients del corrector, els gradients de l'MLP "
              "no coincideixen amb les diferències centrades: s'ha canviat la part donada "
              "d'exercises/ch02_engine.py (Value i el seu backward, _result, MLP). Torna-la a "
              "deixar com era.",
    },
    "loop": {
        "en": "Your engine is right (with the grader's pieces instead of yours nothing changes), "
              "so look at loss_gradient against its docstring: is the whole loss one Value that "
              "backward() goes through, and are the gradients those of model.parameters(), in "
              "their order?",
        "ca": "El teu motor és correcte (amb les peces del corrector en lloc de les teves no "
              "canvia res), així que compara loss_gradient amb el seu docstring: és tota la "
              "pèrdua un sol Value que backward() recorre, i són els gradients els de "
              "model.parameters(), en el seu ordre?",
    },
    "again": {
        "en": "A second call on the same model must give the same gradients, but an input's "
              ".grad accumulates across backward() calls (chapter 2, \"A value used twice: "
              "gradients add up\"): what must happen before each new gradient?",
        "ca": "Una segona crida amb el mateix model ha de donar els mateixos gradients, però el "
              ".grad d'una entrada s'acumula d'una crida de backward() a l'altra (capítol 2, "
              "«Un valor fet servir dues vegades: els gradients se sumen»): què ha de passar "
              "abans de cada gradient nou?",
    },
    "unchanged": {
        "en": "loss_gradient only computes the loss and its gradient: it must leave every "
              "parameter's data as it found it (training, which moves them, is chapter 5's).",
        "ca": "loss_gradient només calcula la pèrdua i el seu gradient: ha de deixar el data de "
              "cada paràmetre tal com l'ha trobat (l'entrenament, que els mou, és del capítol 5).",
    },
    "several": {
        "en": "More than one of your pieces is wrong: no single swap for the grader's own piece "
              "fixes it. Grade them one at a time: " + ", ".join(
                  COMMAND.format(p) for p in PIECES) + ".",
        "ca": "Més d'una de les teves peces falla: cap canvi d'una sola peça per la del "
              "corrector no ho arregla. Corregeix-les d'una en una: " + ", ".join(
                  COMMAND.format(p) for p in PIECES) + ".",
    },
}
for _piece in PIECES:
    HINTS[f"fault_{_piece}"] = {
        "en": f"Your {_piece} is at fault: with the grader's own {_piece} in its place (and "
              f"the rest yours), this works. Grade it alone: `{COMMAND.format(_piece)}`.",
        "ca": f"La culpa és de la teva funció {_piece}: si poses la del corrector al seu lloc "
              f"(i la resta és teva), funciona. Corregeix-la sola: "
              f"`{COMMAND.format(_piece)}`.",
    }
