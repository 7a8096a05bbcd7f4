"""The hints of chapter 7's engine grader (exercises/test_ch07_engine.py), in English and Catalan.

Each says what to look at, never the answer: tests/test_hint_spoilers.py checks that no hint
holds an expression of the reference solution.
"""

from _engine_checks import words

HINTS = {
    "ce_pair": words(
        "Return a pair (loss, grad): the mean loss as a float and dloss/dlogits, an array of "
        "the shape of logits.",
        "Retorna una parella (loss, grad): la pèrdua mitjana com a float i dloss/dlogits, un "
        "array de la forma de logits."),
    "ce_finite": words(
        "Some values are inf or nan: e^z overflowed (z > 709) or a class's probability "
        "underflowed to 0 before its log. Reread 'Softmax without overflow' in chapter 6: a row's "
        "loss is made of log-softmaxes; how did the chapter keep every exp and every log finite?",
        "Hi ha valors inf o nan: e^z s'ha desbordat (z > 709) o la probabilitat d'una classe ha "
        "quedat en 0 abans del logaritme. Rellegeix «La softmax sense desbordaments» al capítol "
        "6: la pèrdua d'una fila es fa amb log-softmax; com mantenia finits el capítol cada "
        "exponencial i cada logaritme?"),
    "ce_loss": words(
        "The loss is not PyTorch's cross-entropy. Which entry of row i is the right class (the "
        "one target[i] names)? With label_smoothing, what share of the target distribution does "
        "each class get, the right one included, and do the shares add up to 1? Which rows have "
        "their target equal to ignore_index, and how many rows does the mean divide by?",
        "La pèrdua no és l'entropia creuada de PyTorch. Quin element de la fila i és la classe "
        "correcta (la que indica target[i])? Amb label_smoothing, quina part de la distribució "
        "objectiu rep cada classe, la correcta inclosa, i sumen 1 aquestes parts? Quines files "
        "tenen un objectiu igual a ignore_index, i entre quantes files divideix la mitjana?"),
    "ce_ignored": words(
        "A row whose target is ignore_index got a gradient. That row adds nothing to the loss: "
        "how much does the loss change when its scores change?",
        "Una fila amb l'objectiu igual a ignore_index ha rebut gradient. Aquesta fila no aporta "
        "res a la pèrdua: quant canvia la pèrdua quan canvien les puntuacions d'aquesta fila?"),
    "ce_grad": words(
        "The loss is right but not its gradient (the expected one is the loss's central "
        "differences). Differentiate one row's loss by hand with respect to each logit, as "
        "'Inside the loss and the layers' in chapter 7 does for a one-hot target, but against "
        "the row's whole target distribution q_i: does label_smoothing change the result? Then "
        "remember that the loss is a mean: over how many rows?",
        "La pèrdua és correcta, però no el seu gradient (l'esperat són les diferències centrades "
        "de la pèrdua). Deriva a mà la pèrdua d'una fila respecte de cada logit, com fa «Dins de "
        "la pèrdua i de les capes» al capítol 7 per a un objectiu one-hot, però amb tota la "
        "distribució objectiu q_i de la fila: canvia el resultat amb label_smoothing? I recorda "
        "que la pèrdua és una mitjana: de quantes files?"),
    "ce_all_ignored": words(
        "Every target here is ignore_index, so the mean is over no rows at all: raise a "
        "ValueError whose message names cross_entropy, as the docstring asks, instead of "
        "returning a number.",
        "Aquí tots els objectius són ignore_index, així que la mitjana no té cap fila: llança "
        "un ValueError amb un missatge que esmenti cross_entropy, com demana el docstring, en "
        "lloc de retornar un nombre."),
    "untouched": words(
        "Do not modify the arrays you receive (no -=, += or out=... on them), except those "
        "the exercise asks you to update: work on new arrays.",
        "No modifiquis els arrays que reps (res de -=, += o out=... sobre ells), tret dels "
        "que l'exercici et demana d'actualitzar: treballa amb arrays nous."),
    "linear_pair": words(
        "Return a pair (out, backward), where backward is a function: backward(grad) returns "
        "(dx, dweight, dbias).",
        "Retorna una parella (out, backward), on backward és una funció: backward(grad) "
        "retorna (dx, dweight, dbias)."),
    "linear_out": words(
        "out is wrong. The weight is stored as (out_features, in_features), as in PyTorch: which "
        "product of x and weight gives (N, out_features), and where does the bias go?",
        "out és incorrecte. El pes es guarda com a (out_features, in_features), com a PyTorch: "
        "quin producte de x i weight dona (N, out_features), i on va el biaix?"),
    "linear_shapes": words(
        "backward(grad) must return three gradients of the shapes of x, weight and bias. Let the "
        "shapes choose each product: which product of grad and x is (out, in), which of grad and "
        "weight has x's shape, and how does the bias's gradient lose the examples' axis? When x "
        "has more than two axes, its example axes all play the role of N.",
        "backward(grad) ha de retornar tres gradients de les formes de x, weight i bias. Deixa "
        "que les formes triïn cada producte: quin producte de grad i x és (out, in), quin de grad "
        "i weight té la forma de x, i com perd l'eix dels exemples el gradient del biaix? Si x té "
        "més de dos eixos, tots els eixos dels exemples fan el paper de N."),
    "linear_values": words(
        "The shapes are right but not the numbers. Reread the backward of a matrix product in "
        "chapter 6 ('The matrix product'): is each product the right one, or only of the right "
        "shape? The bias is added to every example: are their gradients added up or averaged?",
        "Les formes són correctes, però els nombres no. Rellegeix la passada enrere d'un producte "
        "de matrius al capítol 6 («El producte de matrius»): cada producte és el correcte, o "
        "només té la forma correcta? El biaix se suma a cada exemple: els seus gradients se sumen "
        "o se'n fa la mitjana?"),
    "norms_shape": words(
        "Return a numpy array of shape (N,): one norm per example, a row of x and of grad.",
        "Retorna un array de numpy de forma (N,): una norma per exemple, una fila de x i de grad."),
    "norms_values": words(
        "Not the norms. dweight = Gᵀ X adds up one matrix per example: write example i's "
        "alone, from its rows g_i and x_i, and its share of dbias. What is each entry of that "
        "matrix, and what do their squares add up to? The bias's share counts too, and a norm "
        "is the square root of a sum of squares.",
        "No són les normes. dweight = Gᵀ X suma una matriu per exemple: escriu només la de "
        "l'exemple i, a partir de les seves files g_i i x_i, i la seva part de dbias. Quin és "
        "cada element d'aquesta matriu, i quant sumen els seus quadrats? La part del biaix també "
        "compta, i una norma és l'arrel quadrada d'una suma de quadrats."),
    "lr_float": words(
        "Return one positive number, a float: the learning rate.",
        "Retorna un sol nombre positiu, un float: la taxa d'aprenentatge."),
    "lr_value": words(
        "Not the threshold. Take L(w) = ½ λ w² and momentum 0 first: what does one step "
        "multiply w by, and for which lr does the size of that factor stay below 1? With "
        "momentum, a step maps the pair (w, v) to a 2 × 2 matrix times (w, v): for which lr do "
        "both its eigenvalues stay inside the unit circle (their product and their sum tell a "
        "lot)? Is momentum's effective step, lr / (1 − momentum), what sets the limit? With "
        "several weights, which directions does H leave unmixed, and which one gives up first "
        "as lr grows?",
        "No és el llindar. Pensa primer en L(w) = ½ λ w² i moment 0: per quin factor "
        "multiplica w un pas, i per a quines lr el valor absolut d'aquest factor es manté per "
        "sota d'1? Amb moment, un pas transforma la parella (w, v) en el producte d'una matriu "
        "2 × 2 per (w, v): per a quines lr queden tots dos valors propis dins del cercle unitat "
        "(el seu producte i la seva suma en diuen molt)? És el pas efectiu del moment, "
        "lr / (1 − momentum), el que fixa el límit? Amb diversos pesos, quines direccions no "
        "barreja H, i quina és la primera que cedeix quan lr creix?"),
    "ratio_float": words(
        "Return one positive number, a float: the ratio of two step sizes.",
        "Retorna un sol nombre positiu, un float: el quocient de dues mides de pas."),
    "ratio_value": words(
        "Not the ratio. From m = s = 0, write m and s after t steps as sums over the gradients "
        "g₁ … g_t: are they the same in both runs? The corrections divide them by numbers "
        "that depend only on t. With ε = 0, divide the uncorrected step by the corrected one: "
        "what is left, and do the gradients still matter? At the first step, with betas "
        "(0.9, 0.999), the chapter found about 3.2: which of the two steps is the larger?",
        "No és el quocient. Partint de m = s = 0, escriu m i s després de t passos com a sumes "
        "dels gradients g₁ … g_t: són els mateixos en totes dues execucions? Les "
        "correccions els divideixen per nombres que només depenen de t. Amb ε = 0, divideix el "
        "pas sense correcció pel pas corregit: què en queda, i hi importen encara els "
        "gradients? Al primer pas, amb betas (0.9, 0.999), el capítol hi trobava uns 3,2: quin dels "
        "dos passos és el més gran?"),
    "predict": words(
        "Return a function: predict(images) takes an array (M, 64) and returns the scores "
        "(M, 10) of the trained network.",
        "Retorna una funció: predict(images) rep un array (M, 64) i retorna les puntuacions "
        "(M, 10) de la xarxa entrenada."),
    "use_pieces": words(
        "Train with your own pieces, called by their names: linear for every layer and "
        "cross_entropy for the loss and its gradient.",
        "Entrena amb les teves peces, cridades pel seu nom: linear per a cada capa i "
        "cross_entropy per a la pèrdua i el seu gradient."),
}
LINEAR_CHECK = words(
    "compare out and its three gradients with the chapter's Z = XWᵀ + b and its backward "
    "('Inside the loss and the layers'), for an x of two axes and of more",
    "compara out i els seus tres gradients amb Z = XWᵀ + b i la seva passada enrere del "
    "capítol («Dins de la pèrdua i de les capes»), per a una x de dos eixos i per a una de "
    "més de dos")
