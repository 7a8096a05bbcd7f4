"""The hints of chapter 6's grader (exercises/test_ch06_tensors.py), in English and Catalan.

Each says what to look at, never the answer: tests/test_hint_spoilers.py checks that no hint
holds an expression of the reference solution.
"""

HINTS = {
    "shape": {
        "en": "The result must have exactly the input's shape. Reread 'The gradient of a "
              "broadcast' in chapter 6: which axes did broadcasting add in front of the input's, "
              "which did it stretch from size 1, and what must become of each of them on the way "
              "back?",
        "ca": "El resultat ha de tenir exactament la forma de l'entrada. Rellegeix «El gradient "
              "d'un *broadcasting*» al capítol 6: quins eixos ha afegit el broadcasting davant "
              "dels de l'entrada, quins ha estirat des de mida 1, i què ha de passar amb "
              "cadascun en el camí de tornada?",
    },
    "sum": {
        "en": "The shape is right but not the numbers. Each copy made by broadcasting received "
              "its own gradient: how do the copies' gradients combine into the gradient of the "
              "one entry they came from? And was an axis where both shape and grad have size 1 "
              "stretched at all?",
        "ca": "La forma és correcta, però els nombres no. Cada còpia que ha fet el broadcasting "
              "ha rebut el seu propi gradient: com es combinen els gradients de les còpies en el "
              "gradient de l'únic element del qual provenen? I un eix on shape i grad tenen tots "
              "dos mida 1, s'ha estirat?",
    },
    "untouched": {
        "en": "Do not modify the array you receive (no +=, -= or sum(..., out=...) on it): "
              "work on new arrays. The caller may still need the original.",
        "ca": "No modifiquis l'array que reps (res de +=, -= o sum(..., out=...) sobre ell): "
              "treballa amb arrays nous. El codi que crida la teva funció potser encara necessita l'original.",
    },
    "lse_stable": {
        "en": "Some entries are inf or nan where the answer is finite: exp overflowed (scores "
              "above ~709) or a whole slice underflowed to 0 (scores below ~-745). Reread "
              "'Softmax without overflow' in chapter 6: which number can you take out of every "
              "score of a slice, and put back afterwards, so that no exponential overflows and "
              "the sum is at least 1? One number for the whole array, or one for each slice?",
        "ca": "Hi ha elements inf o nan on la resposta és finita: l'exponencial s'ha desbordat "
              "(puntuacions de més de ~709) o un tall sencer ha quedat en 0 (puntuacions de menys "
              "de ~-745). Rellegeix «La softmax sense desbordaments» al capítol 6: quin nombre "
              "pots treure de cada puntuació d'un tall, i tornar a afegir després, perquè cap "
              "exponencial no es desbordi i la suma sigui com a mínim 1? Un sol nombre per a tot "
              "l'array o un per a cada tall?",
    },
    "lse_masked": {
        "en": "A slice whose scores are all -inf (all masked) must give -inf: the sum of its "
              "exponentials is 0. Yours gives nan. Follow your shift through such a slice by hand: "
              "what is its maximum, and what is -inf minus that maximum? Which shift would be "
              "harmless there, and would it change the answer?",
        "ca": "Un tall amb totes les puntuacions a -inf (tot emmascarat) ha de donar -inf: la "
              "suma de les seves exponencials és 0. El teu dona nan. Segueix a mà el teu "
              "desplaçament en un tall així: quin és el màxim, i quant fa -inf menys aquest "
              "màxim? Quin desplaçament hi seria inofensiu, i canviaria la resposta?",
    },
    "lse_shape": {
        "en": "The result has the wrong shape. The reduced axis goes away, as in np.sum(x, axis), "
              "unless keepdims is true: then it stays with size 1. Follow the keepdims argument "
              "you receive, and reduce along `axis`, whatever it is: 0, 1, -1, ...",
        "ca": "El resultat no té la forma correcta. L'eix reduït desapareix, com amb "
              "np.sum(x, axis), tret que keepdims sigui cert: aleshores es manté amb mida 1. "
              "Segueix l'argument keepdims que reps, i redueix al llarg de `axis`, sigui quin "
              "sigui: 0, 1, -1, ...",
    },
    "lse_values": {
        "en": "Finite, of the right shape, but not log Σ exp of each slice (or not along `axis`). "
              "Whatever you subtract from the scores before the exponentials must be added back "
              "after the logarithm, slice by slice. Check one small slice by hand.",
        "ca": "Finit, de la forma correcta, però no és el log Σ exp de cada tall (o no al llarg "
              "de `axis`). El que restis de les puntuacions abans de les exponencials ho has de "
              "tornar a sumar després del logaritme, tall per tall. Comprova a mà un tall petit.",
    },
    "sm_shape": {
        "en": "The result must have the shape of probs and grad: one gradient per score, in the "
              "same place. Whatever you sum along `axis` must come back to that shape.",
        "ca": "El resultat ha de tenir la forma de probs i de grad: un gradient per puntuació, al "
              "mateix lloc. El que sumis al llarg de `axis` ha de tornar a aquesta forma.",
    },
    "sm_values": {
        "en": "The shape is right but not the numbers. Each score of a slice moves every "
              "probability of that slice, so dL/dz_j gathers g_i · ∂s_i/∂z_j from every i of "
              "the slice, not only from i = j. Work out ∂s_i/∂z_j by hand for a softmax of two "
              "scores, for i = j and for i ≠ j, mind the signs, and check one entry with a "
              "central difference. Every sum runs along `axis`, whatever it is: 0, 1, -1, ...",
        "ca": "La forma és correcta, però els nombres no. Cada puntuació d'un tall mou totes les "
              "probabilitats d'aquell tall, de manera que dL/dz_j aplega g_i · ∂s_i/∂z_j de tots "
              "els i del tall, no només d'i = j. Calcula a mà ∂s_i/∂z_j per a una softmax de dues "
              "puntuacions, per a i = j i per a i ≠ j, vigila els signes, i comprova un element "
              "amb una diferència centrada. Cada suma es fa al llarg de `axis`, sigui quin sigui: "
              "0, 1, -1, ...",
    },
    "sm_jacobian": {
        "en": "Right numbers, but your function needed far more memory than the arrays it "
              "received: it builds a C×C matrix for a slice (the ∂s_i/∂z_j, np.eye(C), or an "
              "outer product of probs with itself). With C = 20000 one such matrix takes 3.2 GB. "
              "Write the sum Σ_i g_i ∂s_i/∂z_j out by hand: what does it need besides g_j, s_j "
              "and one number per slice?",
        "ca": "Els nombres són correctes, però la teva funció ha necessitat molta més memòria que "
              "els arrays que ha rebut: construeix una matriu C×C per a un tall (les ∂s_i/∂z_j, "
              "np.eye(C) o un producte exterior de probs amb si mateix). Amb C = 20000, una "
              "matriu així ocupa 3,2 GB. Escriu a mà la suma Σ_i g_i ∂s_i/∂z_j: què necessita, "
              "a part de g_j, s_j i un nombre per tall?",
    },
}
