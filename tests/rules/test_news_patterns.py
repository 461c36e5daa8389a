"""News attribution patterns, specified by example, without the model.

Each sentence is attributed from its stored Stanza parse (tests/stored_parses.py), written
with ' and with ’: French news uses the typographic apostrophe almost everywhere and every
rule must behave the same on both. ``python -m pytest --update-parses`` stores the parse of
a new sentence; ``test_stored_parses_match_the_model`` keeps the store honest.
"""

from __future__ import annotations

import json

import pytest
from stored_parses import both_apostrophes, parse_now, path_for, quotes_of, store, stored

from quoteattr import Polarity, QuoteKind

D, M, IND, A = QuoteKind.DIRECT, QuoteKind.MIXED, QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO

# (sentence, the quote's content, kind, speaker name, rule)
CASES = [
    # 0. an incise belongs to the whole quote, however many sentences it holds
    ("« Le chantier a pris du retard. Nous livrerons les logements en juin », a indiqué Karim Benali, directeur de l'office HLM.",
     "Le chantier a pris du retard. Nous livrerons les logements en juin", D, "Karim Benali", "incise_after"),
    ("« Nous avons tout essayé. Rien n'a marché. Il faut changer de méthode », confie Sophie Lambert.",
     "Nous avons tout essayé. Rien n'a marché. Il faut changer de méthode", D, "Sophie Lambert", "incise_after"),
    ("« Les travaux avancent. Le pont rouvrira en septembre », a assuré jeudi l'adjointe au maire, Nadia Ferhat.",
     "Les travaux avancent. Le pont rouvrira en septembre", D, "Nadia Ferhat", "incise_after"),
    ("Le syndicat a prévenu : « Nous ne signerons rien. La grève continuera lundi. »",
     "Nous ne signerons rien. La grève continuera lundi.", D, "le syndicat", "colon_before"),
    # 1. incise without a comma after the closing mark
    ("« Cette réforme est injuste » a dénoncé Paul Mercier.", "Cette réforme est injuste", D, "Paul Mercier", "incise_after"),
    ("« Le dossier est clos » indique le procureur de Lyon.", "Le dossier est clos", D, "le procureur de Lyon", "incise_after"),
    ("« L'usine fermera en mars » a confirmé la direction.", "L'usine fermera en mars", D, "la direction", "incise_after"),
    ("« Nous ferons appel » ont déclaré les avocats de la famille.", "Nous ferons appel", D, "les avocats de la famille", "incise_after"),
    ("La sénatrice Claire Dubois a quitté l'hémicycle. « Je ne me représenterai pas » a-t-elle annoncé.",
     "Je ne me représenterai pas", D, "Claire Dubois", "incise_after"),
    ("Le directeur de l'usine, Yves Perrin, a tenu à rassurer les salariés. « Aucun poste ne sera supprimé » a-t-il affirmé.",
     "Aucun poste ne sera supprimé", D, "Yves Perrin", "incise_after"),
    # a participle coordinated with a compound verb shares its auxiliary: a verb, no adjective
    ("L'accusé a reconnu les faits mais réfuté toute intention de tuer.",
     "toute intention de tuer", IND, "l'accusé", "noun_object"),
    ("La ministre a salué les efforts des soignants et annoncé une hausse du budget.",
     "une hausse du budget", IND, "la ministre", "noun_object"),
    # "exprimer" states its object (a wish, a fear)
    ("La présidente a aussi exprimé le vœu de s'attaquer à la dette.",
     "le vœu de s'attaquer à la dette", IND, "la présidente", "noun_object"),
    ("La fédération a exprimé son inquiétude face à la baisse des subventions.",
     "son inquiétude face à la baisse des subventions", IND, "la fédération", "noun_object"),
    # a bare past participle after the noun belongs to the speaker's description
    ("Le président élu a aussi exprimé le vœu de s'attaquer à la dette.",
     "le vœu de s'attaquer à la dette", IND, "le président élu", "noun_object"),
    # verbs of starting speak in an incise only ("débute-t-il", "commence la ministre")
    ("Le réalisateur Stephan Vos a pris ses distances. « Je ne suis pas le premier supporter du sélectionneur », débute-t-il.",
     "Je ne suis pas le premier supporter du sélectionneur", D, "Stephan Vos", "incise_after"),
    ("« Je veux d'abord remercier les soignants », commence la ministre de la Santé, Inès Morel.",
     "Je veux d'abord remercier les soignants", D, "Inès Morel", "incise_after"),
    # "pointer" speaks in an incise only (it points out)
    ("« Le niveau baisse », pointe l'ancien international Marc Dupuis.",
     "Le niveau baisse", D, "Marc Dupuis", "incise_after"),
    ("« Il manque un vrai projet de jeu » pointe Awa Sylla, consultante pour la RTS.",
     "Il manque un vrai projet de jeu", D, "Awa Sylla", "incise_after"),
    # 2. words between the cue and its inverted subject
    ("« Les comptes sont dans le rouge », a expliqué au Parisien Thomas Girard.", "Les comptes sont dans le rouge", D, "Thomas Girard", "incise_after"),
    ("« Le budget sera voté », a affirmé mardi la présidente de la région, Hélène Roussel.", "Le budget sera voté", D, "Hélène Roussel", "incise_after"),
    ("« Ce projet n'a aucun sens », estime pour sa part le maire de Nantes.", "Ce projet n'a aucun sens", D, "le maire de Nantes", "incise_after"),
    ("« Nous baisserons les impôts », a déclaré sur France Inter le ministre de l'Économie.",
     "Nous baisserons les impôts", D, "le ministre de l'Économie", "incise_after"),
    ("« Aucune décision n'est prise », a précisé jeudi soir 3 mars sur BFMTV le porte-parole du gouvernement.",
     "Aucune décision n'est prise", D, "le porte-parole du gouvernement", "incise_after"),
    ("« La saison sera difficile », a reconnu samedi au micro de France Bleu l'entraîneur du club, Hugo Marchal.",
     "La saison sera difficile", D, "Hugo Marchal", "incise_after"),
    ("Interrogé par Le Monde, le député a estimé que la loi était mal écrite.", "la loi était mal écrite", IND, "le député", "que_clause"),
    ("À Bruxelles, la commissaire a déclaré que l'accord serait signé.", "l'accord serait signé", IND, "la commissaire", "que_clause"),
    ("Le chômage a reculé de 0,3 point, selon les chiffres publiés lundi par l'Insee.", "Le chômage a reculé de 0,3 point", A, "l'Insee", "according_to"),
    # 3. a source placed before a direct quote
    ("Pour Léon Carpentier, « la décision est prématurée ».", "la décision est prématurée", D, "Léon Carpentier", "source_before"),
    ("Selon le maire, « la route restera fermée tout l'hiver ».", "la route restera fermée tout l'hiver", D, "le maire", "source_before"),
    ("D'après la ministre de la Culture, Agnès Roy, « les musées rouvriront en mai ».", "les musées rouvriront en mai", D, "Agnès Roy", "source_before"),
    ("Selon l'Insee, « la croissance ralentira au second semestre ».", "la croissance ralentira au second semestre", D, "l'Insee", "source_before"),
    ("D'après le syndicat, « près de 300 emplois sont menacés ».", "près de 300 emplois sont menacés", D, "le syndicat", "source_before"),
    ("Pour la présidente de l'association, Martine Caron, « rien n'a été fait depuis dix ans ».",
     "rien n'a été fait depuis dix ans", D, "Martine Caron", "source_before"),
    ("C'est l'avis de Léa Morin, pour qui, selon ses sources, la ministre démissionnera lundi.",
     "la ministre démissionnera lundi", A, "ses sources", "according_to"),
    ("Selon lui, « rien n'est perdu ». Pour le collectif des riverains, il s'agit d'« une victoire ».",
     "une victoire", M, "le collectif des riverains", "source_scope"),
    ("Cependant, les troupes resteront comme le précise l'ambassadeur de France, Paul Morel : « Nous ne partirons pas. »",
     "Nous ne partirons pas.", D, "Paul Morel", "colon_before"),
    # 4. colon introductions with words between the subject and the colon
    ("La ministre du Travail, Claire Dumas, a pour sa part ajouté : « Nous ouvrirons des négociations. »",
     "Nous ouvrirons des négociations.", D, "Claire Dumas", "colon_before"),
    # 5. a description apposed after the name that opens the sentence
    ("Marc Lenoir, le président de la région, se dit « très inquiet pour l'emploi ».",
     "très inquiet pour l'emploi", M, "Marc Lenoir", "clause"),
    ("Sophie Marin, la directrice de l'école, a annoncé la fermeture de la cantine.",
     "la fermeture de la cantine", IND, "Sophie Marin", "noun_object"),
    # signed on the same line, and a quote after a cue sentence
    ("« Nous ne fermerons aucune école » – Jeanne Morel, adjointe à l'éducation.",
     "Nous ne fermerons aucune école", D, "Jeanne Morel", "dash_after"),
    ("Le ministre a réagi lundi devant les députés. « Cette réforme protège les salariés. »",
     "Cette réforme protège les salariés.", D, "le ministre", "previous_sentence"),
    # 13. narrative infinitive and signature lines
    ("Et Marie Roy de s'interroger dans Le Monde : « Qui paiera la facture ? »", "Qui paiera la facture ?", D, "Marie Roy", "colon_before"),
    ("« Nous avons dû fermer deux classes, faute d'enseignants. »\n\n— Luc Bernard, directeur de l'école",
     "Nous avons dû fermer deux classes, faute d'enseignants.", D, "Luc Bernard", "signature_after"),
    ("Le ministre de l'Intérieur Gérald Darmant a annoncé la dissolution du groupe.",
     "la dissolution du groupe", IND, "Gérald Darmant", "noun_object"),
    ("« Les prix baissent », explique le directeur du site de Lorient David Quenet.", "Les prix baissent", D, "David Quenet", "incise_after"),
    ("Le ministre de la Justice Alberto Ruiz a défendu le texte. Selon lui, « la vie doit être protégée ».",
     "la vie doit être protégée", D, "Alberto Ruiz", "source_before"),
    ("La Banque de France prévoit que la croissance ralentira.", "la croissance ralentira", IND, "la Banque de France", "que_clause"),
    # 6. subject relatives name their antecedent
    ("L'accord a été salué par le ministre de l'Industrie, Jean Morel, qui a déclaré que la filière était sauvée.",
     "la filière était sauvée", IND, "Jean Morel", "que_clause"),
    # 7. pronoun incises resolve to the person named before, never to a word inside the quote
    ("Le maire, Paul Girard, a reçu les commerçants. « Personne ne sera oublié », a-t-il promis.",
     "Personne ne sera oublié", D, "Paul Girard", "incise_after"),
    ("« Le budget sera tenu » a assuré Claire Dumas. « Nous ne lâcherons rien », a-t-elle ajouté.",
     "Nous ne lâcherons rien", D, "Claire Dumas", "incise_after"),
    ("La ministre de la Santé, Agnès Roy, et le député Marc Petit ont visité l'hôpital. « Les moyens arriveront », a-t-elle affirmé.",
     "Les moyens arriveront", D, "Agnès Roy", "incise_after"),
    # 8. a quote without cue right after a quote continues its speaker, also in the next paragraph
    ("« La grève continuera », a déclaré Anne Roux, secrétaire du syndicat.\n\n« Nous ne lâcherons rien jusqu'au retrait du projet. »",
     "Nous ne lâcherons rien jusqu'au retrait du projet.", D, "Anne Roux", "previous_speaker"),
    # 9. role nouns: the person introduced with that role, never a person of another role or gender
    ("L'avocate des familles, Maître Claire Dufour, a dénoncé des lenteurs. Le préfet a indiqué que l'enquête avançait.",
     "l'enquête avançait", IND, "le préfet", "que_clause"),
    ("Le député Paul Roux a interpellé le gouvernement. La ministre a répondu que le budget serait voté.",
     "le budget serait voté", IND, "la ministre", "que_clause"),
    ("La ministre du Travail, Claire Dumas, a rencontré les syndicats mardi. Le lendemain, la ministre a annoncé que la réforme serait reportée.",
     "la réforme serait reportée", IND, "Claire Dumas", "que_clause"),
    # 11. noun-phrase and infinitive contents of announcement, request and call verbs
    ("La direction a annoncé la fermeture du site de Tours.", "la fermeture du site de Tours", IND, "la direction", "noun_object"),
    ("La préfecture recommande aux usagers la plus grande prudence.", "la plus grande prudence", IND, "la préfecture", "noun_object"),
    ("Le gouvernement a annoncé ce matin son départ du sommet.", "son départ du sommet", IND, "le gouvernement", "noun_object"),
    ("Le président a annoncé mardi soir, lors d'une allocution, la dissolution de l'Assemblée.",
     "la dissolution de l'Assemblée", IND, "le président", "noun_object"),
    ("L'opposition réclame la démission du ministre et dénonce une faute grave.", "la démission du ministre", IND, "l'opposition", "noun_object"),
    ("Le maire appelle cet après-midi à voter pour la liste sortante.", "voter pour la liste sortante", IND, "le maire", "request_infinitive"),
    ("Le groupe avait menacé la veille de quitter la table des négociations.", "quitter la table des négociations", IND, "le groupe", "request_infinitive"),
    ("La ministre de la Santé a demandé aux hôpitaux de reporter les opérations non urgentes.",
     "reporter les opérations non urgentes", IND, "la ministre de la Santé", "request_infinitive"),
    ("Le préfet invite les habitants à limiter leurs déplacements.", "limiter leurs déplacements", IND, "le préfet", "request_infinitive"),
    ("La direction a confirmé mardi un plan de 300 départs volontaires.", "un plan de 300 départs volontaires", IND, "la direction", "noun_object"),
    ("Le syndicat demande au gouvernement des mesures pour sauver l'usine.", "des mesures pour sauver l'usine", IND, "le syndicat", "noun_object"),
    ("Les étudiants réclament quant à eux la gratuité des transports et indiquent leur refus de négocier.",
     "leur refus de négocier", IND, "les étudiants", "noun_object"),
    ("Des habitants font état de coupures d'eau répétées dans le quartier.", "coupures d'eau répétées dans le quartier", IND, "des habitants", "noun_object"),
    ("La mairie a fait savoir qu'elle ne financerait plus le festival.", "elle ne financerait plus le festival", IND, "la mairie", "que_clause"),
    ("Vers midi, la jeune femme prévenait sa famille qu'elle était saine et sauve.",
     "elle était saine et sauve", IND, "la jeune femme", "que_clause"),
    ("Météo France prévoit que les orages dureront jusqu'à jeudi.", "les orages dureront jusqu'à jeudi", IND, "Météo France", "que_clause"),
    ("Le président du club, Joey Martin, s'est dit satisfait des résultats de la saison.",
     "satisfait des résultats de la saison", IND, "Joey Martin", "self_description"),
    ("La majorité des habitants se disent contre le projet selon un sondage.", "contre le projet", IND, "la majorité des habitants", "self_description"),
    ("La majorité des habitants se disent contre le projet selon un sondage.",
     "La majorité des habitants se disent contre le projet", A, "un sondage", "according_to"),
    ("Les syndicats dénoncent le projet, tout comme le Medef, pour qui seule une hausse modérée est acceptable.",
     "seule une hausse modérée est acceptable", A, "le Medef", "according_to"),
    ("Selon les chercheurs, ce virus se transmet par l'air ; aucun cas n'a pourtant été confirmé.",
     "ce virus se transmet par l'air", A, "les chercheurs", "according_to"),
    ("De l'opinion de Jean Morel, la réforme arrive trop tard.", "la réforme arrive trop tard", A, "Jean Morel", "according_to"),
    ("Selon un communiqué de la préfecture, la route restera fermée jusqu'à lundi.",
     "la route restera fermée jusqu'à lundi", A, "la préfecture", "according_to"),
    ("De l'avis d'Anne Roux, le chantier prendra deux ans.", "le chantier prendra deux ans", A, "Anne Roux", "according_to"),
    ("Joji Tanaka, auteur de l'étude ayant fourni ces chiffres, précise tout de même que la prudence reste de mise.",
     "la prudence reste de mise", IND, "Joji Tanaka", "que_clause"),
    ("Le ministre a insisté sur la nécessité de réduire la dette.", "la nécessité de réduire la dette", IND, "le ministre", "noun_object"),
    ("Le français est, disent-ils, la langue de la diplomatie et du droit.",
     "Le français est, disent-ils, la langue de la diplomatie et du droit", IND, None, "unmarked_incise"),
    ("Par ailleurs, poursuit le président Jean Morel, il faut investir dans les écoles.",
     "Par ailleurs, poursuit le président Jean Morel, il faut investir dans les écoles", IND, "Jean Morel", "unmarked_incise"),
    ("La correspondante du journal au Caire, Sonia Rami, affirme avoir été agressée.",
     "avoir été agressée", IND, "Sonia Rami", "infinitive"),
    ("Nick Durand conclut aussi que l'équipe possède de bonnes fondations.",
     "l'équipe possède de bonnes fondations", IND, "Nick Durand", "que_clause"),
    # 12. a second source after the clause, and the clause of the first stops before it
    ("Le procureur n'a jamais déclaré que l'enquête était close, contrairement à ce qu'a affirmé le site Mediapart.",
     "l'enquête était close", IND, "le procureur", "que_clause"),
    ("Le chômage a baissé en mars, comme l'a indiqué lundi la ministre du Travail.",
     "Le chômage a baissé en mars", IND, "la ministre du Travail", "as_source"),
    ("Cependant, la France ne retirera pas ses troupes comme le précise l'ambassadeur de France.",
     "la France ne retirera pas ses troupes", IND, "l'ambassadeur de France", "as_source"),
    # incises with a reflexive or object clitic, and web copy's "à" for "a"
    ("« Nous avons créé 200 000 emplois » s'est réjoui le président Paul Vernet à Lyon.",
     "Nous avons créé 200 000 emplois", D, "Paul Vernet", "incise_after"),
    ("« Le dossier avance », lui a répondu la ministre.", "Le dossier avance", D, "la ministre", "incise_after"),
    ("Luc Perret à indiqué par téléphone : « Le mât a cédé dans la nuit. »", "Le mât a cédé dans la nuit.", D, "Luc Perret", "colon_before"),
    # a noun-phrase message stops before a new clause, a closing time phrase or medium
    ("Les témoignages de riverains faisant état de menaces graves, voire d'agressions, se sont multipliés cet été.",
     "menaces graves, voire d'agressions", IND, "riverains", "noun_object"),
    ("La navigatrice annonce son abandon en fin de matinée le 12 mars.", "son abandon", IND, "la navigatrice", "noun_object"),
    ("Le club a confirmé le départ de son capitaine lundi 4 juin.", "le départ de son capitaine", IND, "le club", "noun_object"),
    ("Le laboratoire a annoncé sa découverte dans un communiqué.", "sa découverte", IND, "le laboratoire", "noun_object"),
    ("Le préfet a annoncé le report du scrutin à dimanche.", "le report du scrutin à dimanche", IND, "le préfet", "noun_object"),
    ("La direction a confirmé le bilan de la semaine.", "le bilan de la semaine", IND, "la direction", "noun_object"),
    # promises and stated observations have noun-phrase messages too (GUIDELINES)
    ("L'association notait déjà une baisse des dons en 2019.", "une baisse des dons en 2019", IND, "l'association", "noun_object"),
    ("Le constructeur promet une autonomie de dix heures pour sa nouvelle console.",
     "une autonomie de dix heures pour sa nouvelle console", IND, "le constructeur", "noun_object"),
    ("La candidate a promis une baisse des impôts locaux.", "une baisse des impôts locaux", IND, "la candidate", "noun_object"),
    ("Le maire constate une hausse des incivilités depuis le printemps.",
     "une hausse des incivilités depuis le printemps", IND, "le maire", "noun_object"),
    # an estimate: a figure stated for a quantity
    ("La CFDT estime à 12 000 le nombre de postes menacés.", "12 000 le nombre de postes menacés", IND, "la CFDT", "estimate"),
    ("Les pompiers évaluent à près de 2 000 hectares la surface brûlée.",
     "près de 2 000 hectares la surface brûlée", IND, "les pompiers", "estimate"),
    ("L'institut estime à 3,5 % la hausse des prix pour l'an prochain.",
     "3,5 % la hausse des prix pour l'an prochain", IND, "l'institut", "estimate"),
    ("Sur dix sondages, sept donnent la victoire au maire sortant, et la moyenne des instituts estime à 4 points son avance.",
     "4 points son avance", IND, "la moyenne des instituts", "estimate"),
    # a speech participle the parser took for an adjective, right before the quote
    ("Les passants ont reçu un tract disant « Sauvez notre gare ».", "Sauvez notre gare", D, "un tract", "clause|sentence_cue"),
    # a name apposed after a bracketed acronym
    ("« Les ventes reculent », explique le président de la Fédération française du bâtiment (FFB), Olivier Salleron.",
     "Les ventes reculent", D, "Olivier Salleron", "incise_after"),
    # an incise after a verbless phrase set off by commas still speaks for the quote
    ("« La facture sera lourde », y compris pour les petits commerces, prévient Inès Garnier, économiste à la Banque de France.",
     "La facture sera lourde", D, "Inès Garnier", "incise_after"),
    ("« Nous recruterons », dès la rentrée et dans toutes les régions, assure la directrice Camille Ferrand.",
     "Nous recruterons", D, "Camille Ferrand", "incise_after"),
    # an incise after a clause with quoted words: the clause is indirect, the words mixed
    ("La production doublera d'ici à 2030 et atteindra « un niveau record », explique Paul Mathis le directeur de l'usine.",
     "La production doublera d'ici à 2030 et atteindra « un niveau record »", IND, "Paul Mathis", "unmarked_incise"),
    ("La production doublera d'ici à 2030 et atteindra « un niveau record », explique Paul Mathis le directeur de l'usine.",
     "un niveau record", M, "Paul Mathis", "incise_after"),
    # an indefinite description brings in someone new, never the person quoted before
    ("« Les ventes vont repartir », estime Marc Dulac, analyste chez Natixis. Un porte-parole du groupe affirme que les comptes sont sains.",
     "les comptes sont sains", IND, "un porte-parole du groupe", "que_clause"),
    # quoted words with a verb, a determiner or a pronoun are someone's words even when their
    # sentence says not whose (GUIDELINES: mixed, speaker from the context)
    ("Le but de ce logiciel est qu'il « doit rester gratuit pour tous ».", "doit rester gratuit pour tous", M, None, "unattributed"),
    ("Pour cette raison, « la prudence s'impose » dans ce dossier.", "la prudence s'impose", D, None, "unattributed"),
    ("La chaîne met « tout en œuvre pour retrouver ses journalistes ».",
     "tout en œuvre pour retrouver ses journalistes", M, None, "unattributed"),
    # a speech verb parsed as a noun before an addressee and que; a name after a dateline
    ("- 3 mars 2004 : Paul Ménard, ancien trésorier du parti, déclare aux juges que le maire connaissait le montage.",
     "le maire connaissait le montage", IND, "Paul Ménard", "que_clause"),
    ("Le juge d'instruction Jean Valois, successeur du juge Marc Tellier, écrit que l'enquête est close.",
     "l'enquête est close", IND, "Jean Valois", "que_clause"),
    # a reported clause stops before the reporter's gerund
    ("La présidente a rappelé que le budget était voté, tout en soulignant que des économies restaient nécessaires.",
     "le budget était voté", IND, "la présidente", "que_clause"),
    # the object of an attitude verb is reported content when it holds quoted words (GUIDELINES)
    ("La Commission regrette le « calendrier » retenu pour relever les taux malgré les efforts du pays.",
     "le « calendrier » retenu pour relever les taux malgré les efforts du pays", IND, "la Commission", "noun_object"),
    ("Le syndicat a condamné les menaces contre les enseignants, « qui doivent pouvoir travailler en paix ».",
     "les menaces contre les enseignants, « qui doivent pouvoir travailler en paix »", IND, "le syndicat", "noun_object"),
    # marks around the whole object but its determiner: the mixed record only
    ("Le candidat a promis un « renouveau complet ».", "renouveau complet", M, "le candidat", "clause"),
    # an incise without comma after a clause that ends in quoted words
    ("Dans le Nord, les rafales « pourront dépasser 110 km/h » prévient Météo France.",
     "Dans le Nord, les rafales « pourront dépasser 110 km/h »", IND, "Météo France", "unmarked_incise"),
    # a preposed gerund: its controller is the subject of the main clause, after it
    ("Tout en insistant sur la hausse du chômage, la candidate maintient son programme.",
     "la hausse du chômage", IND, "la candidate", "noun_object"),
    ("En réclamant la démission du préfet, les élus ont quitté la séance.", "la démission du préfet", IND, "les élus", "noun_object"),
    # the agent of a reduced passive of a message verb speaks (GUIDELINES)
    ("Les travaux de rénovation évoqués par l'adjointe au maire prendront deux ans.",
     "Les travaux de rénovation", IND, "l'adjointe au maire", "reduced_passive"),
    ("La hausse des salaires réclamée par les syndicats a été refusée.", "La hausse des salaires", IND, "les syndicats", "reduced_passive"),
    # selon after quoted words that end a clause of the reporter's: the source of the clause
    ("Les loyers augmentent « plus vite que les salaires » selon l'Insee.",
     "Les loyers augmentent « plus vite que les salaires »", A, "l'Insee", "according_to"),
    # an organisation's name written with one capital goes on in lower case
    ("La Fédération française du bâtiment a annoncé la suppression de 2 000 postes.",
     "la suppression de 2 000 postes", IND, "la Fédération française du bâtiment", "noun_object"),
    # an apposition that spells out an acronym belongs to the acronym, not to the subject's head
    ("Le rapport final de l'ARS, l'Agence régionale de santé, conclut que l'hôpital doit recruter.",
     "l'hôpital doit recruter", IND, "l'ARS", "que_clause"),
    ("Trois attaques contre des bureaux de vote, revendiquées par un groupe armé, ont eu lieu samedi.",
     "Trois attaques contre des bureaux de vote", IND, "un groupe armé", "reduced_passive"),
    # quoted words after a passive speech verb, whatever the parser calls them
    ("Le projet a été jugé « irréaliste » par les élus.", "irréaliste", M, "les élus", "clause"),
    # quoted words right after que are the clause's words, however short
    ("Le syndicat espère que « 300 postes » seront créés d'ici à juin.", "300 postes", M, None, "unattributed"),
    # what a call asks for: a noun phrase after à / au
    ("Le syndicat des cheminots appelle à une grève illimitée dès le 3 juin.",
     "une grève illimitée", IND, "le syndicat des cheminots", "call_object"),
    ("La préfète invite les automobilistes à la plus grande prudence.", "la plus grande prudence", IND, "la préfète", "call_object"),
    ("Le maire exhorte les habitants au calme.", "calme", IND, "le maire", "call_object"),
    # a noun-phrase message stops before the writer's comment on it
    ("Le ministre a annoncé la suppression de la taxe, une mesure que l'opposition juge électoraliste.",
     "la suppression de la taxe", IND, "le ministre", "noun_object"),
    # "ne pas exclure": the negation states that the thing is possible
    ("Le gouvernement n'a pas exclu une hausse de la TVA.", "une hausse de la TVA", IND, "le gouvernement", "noun_object"),
    ("Les enquêteurs n'écartent pas la piste criminelle.", "la piste criminelle", IND, "les enquêteurs", "noun_object"),
    # the speaker's name holds no comma, nor the medium named after it
    ("« Tout est faux », a réagi l'avocate de la famille, Me Claire Morel, sur France Info.",
     "Tout est faux", D, "Claire Morel", "incise_after"),
    ("« J'assume chaque mot », a écrit la sénatrice sur X.", "J'assume chaque mot", D, "la sénatrice", "incise_after"),
    ("Pour la présidente de l'Unef, Hélène Biju, les étudiants sont « à bout de souffle ».",
     "les étudiants sont « à bout de souffle »", A, "Hélène Biju", "according_to"),
    # "qualifier X de « … »": the judgement in marks is the speaker's words
    ("La maire a qualifié la décision de « scandaleuse ».", "scandaleuse", M, "la maire", "clause"),
    ("Le ministre a qualifié ces propos d'« inacceptables ».", "inacceptables", M, "le ministre", "clause"),
    ("« Nous n'avons aucun regret », juge un cadre du parti sous couvert d'anonymat.",
     "Nous n'avons aucun regret", D, "un cadre du parti", "incise_after"),
    # what the prosecution asks for
    ("Le parquet a requis deux ans de prison avec sursis contre l'ancien maire.",
     "deux ans de prison avec sursis contre l'ancien maire", IND, "le parquet", "noun_object"),
    ("Les peines requises par le procureur ont surpris la défense.", "Les peines", IND, "le procureur", "reduced_passive"),
    # a role noun goes to a named person with that role, never to another description
    ("Le parquet a requis la relaxe. Selon le procureur, le dossier est vide.", "le dossier est vide", A, "le procureur", "according_to"),
    ("Thierry Morel, commissaire européen à l'industrie, a présenté un plan. Le commissaire a estimé que l'Europe devait investir.",
     "l'Europe devait investir", IND, "Thierry Morel", "que_clause"),
    # a reflexive verb before a colon that the parser took for a passive
    ("Le capitaine des Bleus, Antoine Dupont, s'est montré confiant : « Nous sommes prêts. »",
     "Nous sommes prêts.", D, "Antoine Dupont", "colon_before"),
    # a copular clause before a colon: its subject speaks (the colon is the cue)
    ("La porte-parole de la préfecture, Inès Roux, est formelle : « Personne n'a été blessé. »",
     "Personne n'a été blessé.", D, "Inès Roux", "colon_before"),
    # where it was said is not the speaker; what the reporter did while saying it is no content
    ("« Je n'ai rien volé », s'est défendu l'ancien maire devant la cour d'appel de Lyon.",
     "Je n'ai rien volé", D, "l'ancien maire", "incise_after"),
    ("La gendarmerie a indiqué qu'une femme avait été blessée, sans donner plus de précisions.",
     "une femme avait été blessée", IND, "la gendarmerie", "que_clause"),
    ("Le ministre a expliqué que, sans réformer les retraites, le pays ne pourrait pas tenir.",
     "sans réformer les retraites, le pays ne pourrait pas tenir", IND, "le ministre", "que_clause"),
    ("« Rien n'est joué », avait prévenu la ministre pendant la campagne.", "Rien n'est joué", D, "la ministre", "incise_after"),
    # a cue parsed as a noun after an adjective, an addressee with de before que
    ("L'Autorité européenne exige de la plateforme qu'elle retire ces contenus.",
     "elle retire ces contenus", IND, "l'Autorité européenne", "que_clause"),
    # a preposed source phrase runs to its comma, past a participle
    ("Selon une enquête Ipsos publiée mardi, 40 % des jeunes s'informent sur les réseaux sociaux.",
     "40 % des jeunes s'informent sur les réseaux sociaux", A, "Ipsos", "according_to"),
    # an incise whose speech verb is carried by another verb
    ("« Aucun emploi ne sera supprimé », a tenu à rassurer la directrice du site.",
     "Aucun emploi ne sera supprimé", D, "la directrice du site", "incise_after"),
    ("« Le pire est derrière nous », a voulu rassurer le président du club.",
     "Le pire est derrière nous", D, "le président du club", "incise_after"),
    ("« Je démissionne », a fini par annoncer le trésorier.", "Je démissionne", D, "le trésorier", "incise_after"),
    # marks around the whole reported clause: one mixed record (GUIDELINES)
    ("La ministre a estimé que « la situation reste fragile ».", "la situation reste fragile", M, "la ministre", "clause"),
    # an indirect question: its interrogative word belongs to it; si and s'il(s) do not
    ("Un journaliste lui a demandé comment il comptait financer la réforme.",
     "comment il comptait financer la réforme", IND, "un journaliste", "que_clause"),
    ("Les députés de l'opposition demandent pourquoi le gouvernement a tant attendu.",
     "pourquoi le gouvernement a tant attendu", IND, "les députés de l'opposition", "que_clause"),
    ("Le juge a demandé aux témoins quand ils avaient vu le suspect pour la dernière fois.",
     "quand ils avaient vu le suspect pour la dernière fois", IND, "le juge", "que_clause"),
    ("Elle a demandé combien coûterait le nouveau stade.", "combien coûterait le nouveau stade", IND, None, "que_clause"),
    ("Le juge a demandé aux témoins s'ils avaient vu le suspect.", "ils avaient vu le suspect", IND, "le juge", "que_clause"),
    ("La ministre a expliqué où seraient construits les nouveaux logements.",
     "où seraient construits les nouveaux logements", IND, "la ministre", "que_clause"),
    # quoted words after a comma, in lower case and without a finite verb: a phrase of the sentence
    ("Le chômage a encore baissé, « une première depuis 2008 », selon l'Insee.",
     "une première depuis 2008", M, "l'Insee", "incise_after"),
    ("Les loyers ont grimpé, « au-delà de toute prévision », a reconnu le ministre.",
     "au-delà de toute prévision", M, "le ministre", "incise_after"),
    # a call's addressee may be two coordinated noun phrases
    ("Le préfet invite les habitants et les commerçants à la plus grande prudence.",
     "la plus grande prudence", IND, "le préfet", "call_object"),
    ("L'archevêque a appelé les fidèles de la ville et des environs au calme et à la prière.",
     "calme et à la prière", IND, "l'archevêque", "call_object"),
    # a gerund has the subject of its sentence's main verb, however deep the parse hung it
    ("Le ministre a affirmé que la loi serait votée, tout en reconnaissant que le calendrier est serré.",
     "le calendrier est serré", IND, "le ministre", "que_clause"),
    ("La directrice a assuré que l'usine resterait ouverte, en précisant que des postes seraient supprimés.",
     "des postes seraient supprimés", IND, "la directrice", "que_clause"),
    # a participle after a relative clause (que after a noun) is the main clause's: the quote
    # in the relative is the minister's, not the country's
    ("Le Premier ministre a mis en garde contre une « crise durable » que le pays « ne pourrait pas supporter », "
     "estimant que cette crise affaiblirait les institutions.",
     "ne pourrait pas supporter", M, "le Premier ministre", "incise_after|clause"),
    # the "il" of "il y a" is impersonal: no one speaks
    ("Il y a eu des voix pour dire que la réforme était injuste.", "la réforme était injuste", IND, None, "que_clause"),
    # a participle before the main clause: its statement ends at the main clause's comma,
    # and a participle's controller is the noun that can speak, not the phrase around it
    ("Interrogée par une journaliste lui demandant comment elle allait, la championne a souri.",
     "comment elle allait", IND, "une journaliste", "que_clause"),
]  # fmt: skip

# Sentences whose words must not be reported: (sentence, words that are no content)
NOT_REPORTED = [
    ("Le musée a dévoilé la liste des œuvres exposées.", "la liste des œuvres exposées"),
    ("Le ministre a défendu sa décision devant les députés.", "sa décision"),
    ("La maire a condamné l'agression.", "l'agression"),
    ("Le gouvernement a annoncé ce matin son départ du sommet.", "ce matin"),
    # a relative after the object is no aside before que
    ("Le ministre a salué les efforts des soignants, que les syndicats jugent pourtant insuffisants.",
     "les syndicats jugent pourtant insuffisants"),
    # a negated verb asks nothing
    ("La ministre n'a pas précisé comment la réforme serait financée.", "comment la réforme serait financée"),
    ("Il ne s'expliquait pas nettement où il se trouvait.", "où il se trouvait"),
    # a time clause after a passive or a complement is no question
    ("Les secours ont été avertis de l'accident quand un témoin a appelé.", "un témoin a appelé"),
    ("Les secours ont été avertis de l'accident quand un témoin a appelé.", "quand un témoin a appelé"),
    ("Le maire appelle cet après-midi à voter pour la liste sortante.", "cet après-midi"),
    ("Le groupe avait menacé la veille de quitter la table des négociations.", "la veille"),
    ("« Nous avons dû fermer deux classes, faute d'enseignants. »\n\n— Luc Bernard, directeur de l'école",
     "Luc Bernard, directeur de l'école"),
    ("Il est prévu que la navette revienne en mai.", "la navette revienne en mai"),
    ("La nouvelle série de billets, baptisée « Europe », sera mise en circulation en mai.", "Europe"),
    ("Les manifestants ont défilé devant l'ambassade surnommée à Téhéran « nid d'espions » par le régime.", "nid d'espions"),
    ("Ce rapport aurait pu s'interroger si la réforme était vraiment utile.", "la réforme était vraiment utile"),
    ("Il est reparti sans pouvoir dire que la mission était terminée.", "la mission était terminée"),
    ("Elle a été élue sur le thème « s'enrichir dans la diversité ».", "s'enrichir dans la diversité"),
    ("Les électeurs choisiront un « Conseil national de transition » de 80 membres.", "Conseil national de transition"),
    ("La loi ne prévoit qu'une amende pour ce délit.", "une amende pour ce délit"),
    ("Les électeurs sont appelés aux urnes afin de choisir un nouveau maire.", "choisir un nouveau maire"),
    ("À noter que le musée sera fermé lundi.", "le musée sera fermé lundi"),
    ("Le ministre prévoit de visiter trois usines cette semaine.", "visiter trois usines cette semaine"),
    ("Le ministre présente les activités qu'il entend organiser cet été.", "il entend organiser cet été"),
    ("Le musée dévoile aussi les expositions qu'il compte accueillir l'an prochain.", "il compte accueillir l'an prochain"),
    # a negated announcement gives no message; a bare "la nouvelle" points back to news told
    ("La police n'a pas confirmé l'identité du suspect.", "l'identité du suspect"),
    ("Le club n'a jamais annoncé le départ de son entraîneur.", "le départ de son entraîneur"),
    ("Les astronomes ont annoncé la nouvelle mardi dans la revue Science.", "la nouvelle"),
    ("Le porte-parole du ministère a confirmé l'information.", "l'information"),
    ("Le musée estime à sa juste valeur le travail des bénévoles.", "sa juste valeur le travail des bénévoles"),
    ("« La facture sera lourde », y compris pour les petits commerces, prévient Inès Garnier, économiste à la Banque de France.",
     "« La facture sera lourde », y compris pour les petits commerces"),
    # terms and titles: bare noun phrases, capitalised phrases after a noun or a preposition,
    # words after "dite"; and the words of a speech that did not happen
    ("Les orages et les « vagues submersion » menacent la côte.", "vagues submersion"),
    ("Le musée expose la toile « Le Déjeuner sur l'herbe » de Manet jusqu'en mai.", "Le Déjeuner sur l'herbe"),
    ("Selon un rapport de l'Insee sur « Les inégalités de revenus en France », la pauvreté progresse.",
     "Les inégalités de revenus en France"),
    ("Le Parlement a voté la réforme dite « de la dernière chance ».", "de la dernière chance"),
    ("Les délégués l'attendent à Genève sans pouvoir dire « accord conclu à Berne ».", "accord conclu à Berne"),
    ("Le candidat a promis un « renouveau complet ».", "un « renouveau complet »"),
    ("« Aucune école ne fermera » promet la maire, reprenant ainsi un engagement de campagne.",
     "« Aucune école ne fermera » promet la maire"),
    ("Le scandale révélé par Mediapart a coûté son poste au ministre.", "Le scandale"),
    ("Selon les chiffres annoncés par l'Insee, le chômage recule.", "les chiffres"),
    ("Ces fonctions avancées par rapport au modèle précédent séduisent les clients.", "Ces fonctions"),
    ("Dans cette salle, notons en particulier des toiles de Monet et de Renoir.", "des toiles de Monet et de Renoir"),
    ("Sur un an, on peut noter la hausse des loyers dans les grandes villes.", "la hausse des loyers dans les grandes villes"),
    ("L'hébergeur se verra demander de supprimer la vidéo.", "supprimer la vidéo"),
    ("Une note interne explique pourquoi le chantier a pris du retard.", "le chantier a pris du retard"),
    ("L'arbitre a exclu le défenseur à la 60e minute.", "le défenseur"),
    ("Le sélectionneur a écarté trois joueurs du groupe.", "trois joueurs du groupe"),
    # an object that only names the topic of the message (GUIDELINES)
    ("Le ministère a annoncé la composition du nouveau jury.", "la composition du nouveau jury"),
    ("Le tribunal a révélé l'identité de la victime.", "l'identité de la victime"),
    ("Le festival annoncera jeudi la liste des films en compétition.", "la liste des films en compétition"),
]  # fmt: skip

NEGATED = [
    "Le procureur n'a pas dit que l'enquête était close.",
    "La ministre n'a jamais affirmé qu'elle partirait.",
]


def _variants(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out = []
    for row in rows:
        for text in both_apostrophes(row[0]):
            swap = text != row[0]
            out.append(
                (
                    text,
                    *(r.replace("'", "’") if swap and isinstance(r, str) else r for r in row[1:]),
                )
            )
    return out


def _same(a: str | None, b: str | None) -> bool:
    if b is None:
        return a is None  # no name: an unresolved pronoun, never a guess
    return a is not None and a.replace("’", "'") == b.replace("’", "'")


@pytest.mark.parametrize(("text", "content", "kind", "speaker", "rule"), _variants(CASES))
def test_quote_speaker_and_rule(
    text: str, content: str, kind: QuoteKind, speaker: str | None, rule: str
) -> None:
    rules = rule.split("|")  # "clause|sentence_cue": either reads the sentence right
    quotes = quotes_of(text)
    found = [q for q in quotes if q.content.text == content and q.rule in rules]
    assert found, f"no quote {content!r} in {[q.content.text for q in quotes]}"
    quote = found[0]
    assert quote.kind == kind
    assert _same(quote.speaker_name, speaker), quote.speaker_name
    assert text[quote.content.start : quote.content.end] == quote.content.text


@pytest.mark.parametrize(("text", "not_content"), _variants(NOT_REPORTED))
def test_not_reported(text: str, not_content: str) -> None:
    assert all(q.content.text != not_content for q in quotes_of(text))


@pytest.mark.parametrize("text", [v for t in NEGATED for v in both_apostrophes(t)])
def test_negation_with_either_apostrophe(text: str) -> None:
    [quote] = quotes_of(text)
    assert quote.cue is not None and quote.cue.polarity is Polarity.NEGATED


@pytest.mark.parametrize(
    "text",
    [
        "Ces faits sont passibles de cinq ans de prison ou, selon les juridictions, d'une simple amende.",
        "Les tarifs de l'électricité varient selon les régions.",
        "Selon les cas, la peine peut être doublée.",
        "Le ministre confirme la position officielle selon laquelle aucune rançon n'a été versée.",
    ],
)
def test_selon_meaning_depending_on_is_no_source(text: str) -> None:
    for variant in both_apostrophes(text):
        assert all(q.cue is None or q.cue.lemma != "selon" for q in quotes_of(variant))


@pytest.mark.parametrize(
    "text",
    [
        "L'équipe de France s'est qualifiée pour la finale de la Coupe du monde.",
        "Le club lyonnais s'est qualifié pour les quarts de finale.",
    ],
)
def test_sports_qualification_is_no_speech(text: str) -> None:
    from quoteattr.syntax.cues import find_cues
    from quoteattr.syntax.lexicon import default_lexicon

    for variant in both_apostrophes(text):
        [parsed] = stored([variant])
        cues = find_cues(parsed, default_lexicon())
        assert all(c.entry.lemma != "qualifier" for c in cues)
        assert quotes_of(variant) == []


@pytest.mark.model
def test_stored_parses_match_the_model(parser: str) -> None:
    """Every stored parse is what its model gives today (rerun --update-parses)."""
    files = sorted(store().glob("*.json"))
    texts = [json.loads(f.read_text(encoding="utf-8"))["text"] for f in files]
    assert all(path_for(t) == f for t, f in zip(texts, files, strict=True)), "misnamed parse file"
    for old, new in zip(stored(texts), parse_now(texts), strict=True):
        assert old.to_dict() == new.to_dict(), old.text


def test_every_parser_stores_the_same_sentences() -> None:
    import stored_parses

    names = [sorted(p.name for p in store(n).glob("*.json")) for n in stored_parses.PARSERS]
    assert names[0] and all(n == names[0] for n in names)


def test_canonical_names_do_not_depend_on_string_hashing() -> None:
    """Among equally long forms of a name, the first in the text wins, in every process."""
    import os
    import subprocess
    import sys

    text = "Pauvre Marcelle pleurait. Mademoiselle Marcelle sourit. « Je viens », dit Marcelle."
    stored([text])  # stored in this process (or fails with the --update-parses hint)
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from stored_parses import quotes_of\n"
        f"print([q.speaker_name for q in quotes_of({text!r})])"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr
        seen.add(out.stdout.strip())
    assert seen == {"['Pauvre Marcelle']"}
