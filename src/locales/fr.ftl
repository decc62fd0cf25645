# EventLens : français. Chaque message existe aussi dans en.ftl, avec les
# mêmes variables (un test le vérifie).

## Nombres et dates

number-group = { "\u202F" }
number-decimal = ,
date-long = { $day } { $month } { $year }
date-span = du { $first } au { $last }
date-span-none = aucun événement
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
size-kb = { $value } ko
size-mb = { $value } Mo
size-gb = { $value } Go
size-tb = { $value } To

## Nombres d’événements

n-events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
n-fatalities = { $count ->
    [one] { $count } mort
   *[other] { $count } morts
}
n-reported-fatalities = { $count ->
    [one] { $count } mort signalé
   *[other] { $count } morts signalés
}
n-places = { $count ->
    [one] { $count } lieu
   *[other] { $count } lieux
}

## Choix de la langue

lang-name = Français
lang-switch-label = Langue

## Header and headline counts

header-loading = Chargement du jeu de données fourni…
header-read-locally = {" "}Lu dans votre navigateur, jamais envoyé.
header-open-file = Ouvrir votre fichier
header-open-hint = Export CSV ACLED ou UCDP GED, ou déposez un fichier n’importe où sur la page.
header-import-report = Rapport d’import
counts-events-word = { $count ->
    [one] {" "}événement
   *[other] {" "}événements
}
counts-fatalities-word = { $count ->
    [one] {" "}mort
   *[other] {" "}morts
}
counts-civilian-word = { $count ->
    [one] {" "}mort civil
   *[other] {" "}morts civils
}
counts-estimates = {" "}(estimations de { $low } à { $high })
counts-scanning-notes = Recherche dans les notes du fichier : { $percent } % ; les totaux suivront.

## ACLED and UCDP category names (the data keeps the original)

term-battles = Batailles
term-violence-against-civilians = Violences contre des civils
term-explosions-remote-violence = Explosions/Violence à distance
term-protests = Manifestations
term-riots = Émeutes
term-strategic-developments = Évolutions stratégiques
term-political-violence = Violence politique
term-demonstrations = Manifestations et émeutes
term-political-violence-demonstrations = Violence politique ; manifestations
term-armed-clash = Affrontement armé
term-government-regains-territory = Reprise de territoire par le gouvernement
term-non-state-actor-overtakes-territory = Prise de territoire par un acteur non étatique
term-sexual-violence = Violences sexuelles
term-attack = Attaque
term-abduction-forced-disappearance = Enlèvement/disparition forcée
term-chemical-weapon = Arme chimique
term-air-drone-strike = Frappe aérienne/de drone
term-suicide-bomb = Attentat-suicide
term-shelling-artillery-missile-attack = Bombardement/tir d’artillerie/de missile
term-remote-explosive-landmine-ied = Engin explosif à distance/mine/EEI
term-grenade = Grenade
term-peaceful-protest = Manifestation pacifique
term-protest-with-intervention = Manifestation avec intervention
term-excessive-force-against-protesters = Force excessive contre des manifestants
term-violent-demonstration = Manifestation violente
term-mob-violence = Violence de foule
term-agreement = Accord
term-arrests = Arrestations
term-change-to-group-activity = Changement de groupe/d’activité
term-disrupted-weapons-use = Usage d’armes déjoué
term-headquarters-or-base-established = Quartier général ou base établi
term-looting-property-destruction = Pillage/destruction de biens
term-non-violent-transfer-of-territory = Transfert de territoire non violent
term-other = Autre
term-state-based-conflict = Conflit impliquant un État
term-non-state-conflict = Conflit non étatique
term-one-sided-violence = Violence unilatérale

## Filter panel

filters-title = Filtres
filters-hide = Masquer les filtres
filters-show = Afficher les filtres
filters-when = Quand
filters-where = Où
filters-what = Quoi
filters-text = Texte
filters-who = Qui
filters-from = Du
filters-to = Au
filters-months-from = Mois de
filters-months-to = à
filters-all-year = Toute l’année
filters-fatalities-min = Morts, au moins
filters-fatalities-max = au plus
filters-civilian = Civils visés
filters-civilian-any = Tout événement
filters-civilian-only = Seulement les événements visant des civils
filters-civilian-none = Seulement les événements ne visant pas de civils
filters-actor = Acteur
filters-role = Dans le rôle de
filters-alongside = Aux côtés de (même camp que l’acteur)
filters-fold-actors = Regrouper des noms d’acteurs…
filters-none = Aucun : tous les événements sont affichés.
filters-remove = Retirer le filtre { $filter }
filters-clear-all = Tout effacer
filters-all = Tous
filters-chosen = Choisis : { $values }.{" "}
filters-choose-several = Ctrl-clic ou ⌘-clic pour en choisir plusieurs.
filters-uncertain = {" "}Compter les attributions incertaines (« X et/ou Y ») pour chaque acteur
filters-uncertain-count = { $count ->
    [0] Aucun événement de ce fichier ne nomme d’attribution incertaine.
    [one] { $count } événement de ce fichier en nomme une ; case décochée, il ne compte que sous « X ou Y (incertain) ».
   *[other] { $count } événements de ce fichier en nomment une ; case décochée, ils ne comptent que sous « X ou Y (incertain) ».
}
filters-actor-placeholder = Nom ou partie d’un nom
filters-suggest-uncertain = attribution incertaine · { n-events }
filters-suggest-canonical = tous les noms · { n-events }
filters-text-label = Lieux et notes contenant
filters-text-placeholder = p. ex. Moura

## Notices, progress, import report and dialogs

notice-dismiss = Fermer
notice-link-ignored = Certaines parties du lien ont été ignorées :
progress-reading = Lecture de{" "}
progress-colon = {" "}:{" "}
progress-of = {" "}sur { $total }
progress-rows = , { $rows } lignes ({ $speed } lignes/s)
progress-label = Lecture du fichier
progress-percent = { $percent } %
dialog-cancel = Annuler
report-none = aucune
report-close = Fermer le rapport
report-format = Format
report-encoding = Encodage
report-separator = Séparateur
report-size = Taille
report-rows-read = Lignes lues
report-rows-skipped = Lignes écartées
report-events = Événements
report-dates = Dates
report-skipped-why = Lignes écartées, et pourquoi
report-unreadable = Valeurs illisibles
report-warnings = Avertissements
report-columns = Colonnes
report-columns-used = Utilisées :{" "}
report-columns-ignored = Ignorées :{" "}
date-order-title = Jour d’abord ou mois d’abord ?
date-order-question = { $file } écrit les dates en chiffres, et aucune n’a de jour au-delà de 12 qui dirait lequel vient en premier. Comment les lire ?
date-order-in-file = Dans le fichier
date-order-day-first = Jour d’abord
date-order-month-first = Mois d’abord
mapping-required = {" "}(obligatoire)
mapping-none = (aucune)
mapping-title = Quelle colonne est quoi ?
mapping-intro = { $file } ne ressemble pas à un export ACLED ou UCDP GED. Choisissez les colonnes à lire ; seule la date est obligatoire.
mapping-date-order = Les dates comme 05/06/2022 signifient
mapping-date-auto = Détecter (ISO ou jour d’abord)
mapping-date-day-first = 5 juin 2022 (jour d’abord)
mapping-date-month-first = 6 mai 2022 (mois d’abord)
mapping-read = Lire le fichier
drop-overlay = Déposez le fichier CSV pour l’explorer

## Page layout

error-notes-reread = Le fichier n’a pas pu être relu pour chercher dans ses notes (a-t-il été déplacé ou modifié ?) ; ouvrez-le de nouveau.
lower-label = Événements et comparaison
tab-table = Tableau des événements
tab-compare = Comparer des périodes
footer-privacy = EventLens fonctionne entièrement dans votre navigateur : les fichiers que vous ouvrez ne sont jamais envoyés.
footer-outlines = Contours des pays : Natural Earth (domaine public), via world-atlas.

## Details, table and comparison

details-unavailable = Le texte de cet enregistrement n’est pas disponible.
details-title = Fiche de l’événement
dialog-close = Fermer
details-reading = Lecture de l’enregistrement…
details-notes = Notes
details-source = Source
details-all-fields = Tous les champs, tels que dans le fichier
table-file-order = Ordre du fichier
compare-period-a = Période A
compare-period-b = Période B
compare-note = Tous les filtres s’appliquent sauf les dates, que remplacent les deux périodes.
compare-preset-title = Mêmes mois, années consécutives
compare-of-year = de l’année
compare-by = Par
compare-chart-label = La comparaison en barres appariées : période A au-dessus de la période B pour chaque ligne
compare-legend-label = Périodes

## Charts and map

bars-title = Répartition
bars-show-fewer = Afficher moins
bars-show-all = Afficher les { $count }
timeline-legend-hint = N’afficher que ce type d’événement (cliquer de nouveau pour annuler)
timeline-title = Dans le temps
timeline-per = Par
bin-day = jour
bin-week = semaine
bin-month = mois
bin-quarter = trimestre
bin-year = année
bin-season = saison
timeline-measure = Mesure
timeline-all-dates = Toutes les dates
timeline-chart-label = Graphique dans le temps : faites glisser pour choisir des dates, ou utilisez les champs de date
map-density-note = Teinte : événements par carré de la grille
map-layer-label = Couche de la carte
map-zoom-label = Zoom de la carte
map-zoom-in = Zoom avant
map-zoom-out = Zoom arrière
place-unnamed = Lieu sans nom
map-reset = Réinitialiser
map-label = Carte des événements filtrés : chaque cercle est un lieu, plus grand quand il y a plus de morts. Faites glisser ou utilisez les flèches pour vous déplacer, la molette ou + et - pour zoomer ; cliquez sur un cercle pour lister ses événements. Tab parcourt les lieux les plus actifs en vue.
map-stops-label = Lieux les plus actifs en vue
play-label = Dérouler dans le temps
play-pause = Pause
play-play = Lecture
play-stop = Arrêt

## Sharing, embedding and downloads

share-label = Partager et télécharger
share-copy-link = Copier le lien
share-embed = Intégrer
share-download-events = Télécharger les événements (CSV)
share-link-label = Lien vers cette vue
share-embed-code-label = Code d’intégration : un cadre de la largeur de l’article, avec le résumé du graphique en légende, et quelques lignes de script qui ajustent la hauteur du cadre au graphique
share-copy-embed = Copier le code d’intégration
share-preview-embed = Aperçu de l’intégration
share-embed-panel = Panneau à intégrer
share-file-note = Les fichiers que vous ouvrez restent sur votre ordinateur : ce lien ouvre donc le jeu de données fourni, avec les mêmes filtres.
share-file-note-how = Pour partager une vue de votre propre fichier, placez le CSV sur un serveur web qui le permet et ajoutez
share-file-note-end = {" "}au lien.
chart-title-timeline = { $measure } par { $bin }
chart-title-breakdown = { $measure } par { $by }
chart-title-compare = { $measure } par { $by } : { $a } contre { $b }
chart-title-map = Carte des événements
chart-title-counts = Événements et morts
compare-not-computed = La comparaison est calculée quand elle est affichée.
loading-data = Chargement des données…
download-failed = Le téléchargement a échoué : { $reason }
export-preparing = Préparation des événements : { $percent } %
export-reread-failed = Le fichier n’a pas pu être relu pour l’export (a-t-il été déplacé ou modifié ?) ; ouvrez-le de nouveau.
export-button-label = Télécharger { $chart } en { $format }
chart-name-timeline = la chronologie
chart-name-breakdown = la répartition
chart-name-compare = la comparaison
chart-name-map = la carte
chart-name-counts = les totaux
panel-compare = Comparaison de périodes
panel-counts = Chiffres clés
embed-open-full = Ouvrir dans EventLens

## Published figures, about, actor folds and chart texts

published-title = Chiffres publiés face aux données
published-intro = Ce que publient les articles à l’origine des données fournies, face à ce que compte le jeu de données affiché pour la même période, la même zone, le même acteur et les mêmes types d’événements.
published-intro-sample = Le jeu de données fourni est un échantillon choisi d’événements rapportés : ses totaux restent donc bien en deçà ; ouvrez votre propre export ACLED pour confronter les chiffres.
published-any = tous
published-published = Publié :{" "}
published-this-dataset = Ce jeu de données :{" "}
published-difference = Écart :{" "}
published-not-counted = Non compté ici :{" "}
published-read-as = {" "}Lu comme : { $reading }.
published-show-label = Afficher les événements derrière : { $claim }
published-show = Afficher ces événements
published-period = Période :
published-area = Zone :
published-actor = Acteur :
published-types = Types d’événements :
published-definition = Définition
published-counted-with = Compté ici avec :{" "}
about-loading = Chargement…
about-failed = La page n’a pas pu être chargée : { $reason }
about-open = À propos des données et de leurs sources
about-title = À propos des données
about-markdown = La même page en fichier Markdown
aliases-title = Regrouper des noms d’acteurs
aliases-intro = Choisissez les noms que ce fichier donne à un même acteur, puis le nom sous lequel les compter.
aliases-intro-scope = Vos regroupements s’ajoutent à ceux fournis, pour chaque fichier ouvert ; le lien les conserve.
aliases-search = Noms contenant
aliases-note = { n-events } · actuellement { $canonical }
aliases-target = Les compter comme
aliases-target-placeholder = Un acteur de référence, nouveau ou existant
aliases-apply = { $count ->
    [one] Regrouper { $count } nom
   *[other] Regrouper { $count } noms
}
aliases-done = Terminé
aliases-mine = Vos regroupements
aliases-none = Aucun pour l’instant : les noms fournis s’appliquent.
aliases-remove-label = Retirer le regroupement { $fold }
aliases-remove = Retirer
texts-summary = Titre et notes
texts-hint = Affichés avec le graphique, dans son intégration et ses téléchargements, et conservés dans le lien. Texte brut uniquement.

## Dimensions and measures

category-label-country = pays
category-chip-country = Pays
category-control-country = Pays
category-title-country = Pays
category-label-admin1 = région (admin 1)
category-chip-admin1 = Admin 1
category-control-admin1 = Admin 1 (région)
category-title-admin1 = Régions (admin 1)
category-label-admin2 = district (admin 2)
category-chip-admin2 = Admin 2
category-control-admin2 = Admin 2 (district)
category-title-admin2 = Districts (admin 2)
category-label-admin3 = commune (admin 3)
category-chip-admin3 = Admin 3
category-control-admin3 = Admin 3 (commune)
category-title-admin3 = Communes (admin 3)
category-label-event-type = type d’événement
category-chip-event-type = Type
category-control-event-type = Type d’événement
category-title-event-type = Types d’événements
category-label-sub-event-type = sous-type d’événement
category-chip-sub-event-type = Sous-type
category-control-sub-event-type = Sous-type d’événement
category-title-sub-event-type = Sous-types d’événements
category-label-disorder-type = type de désordre
category-chip-disorder-type = Désordre
category-control-disorder-type = Type de désordre
category-title-disorder-type = Types de désordre
groupby-label-day = jour
groupby-label-week = semaine
groupby-label-month = mois
groupby-label-quarter = trimestre
groupby-label-year = année
groupby-label-season = saison
groupby-label-actor = acteur
groupby-title-actor = Acteurs
groupby-title-time = Temps

## Measures

measure-events = Événements
measure-fatalities = Morts

## Table columns

column-date = Date
column-event-type = Type d’événement
column-side1 = Camp de l’acteur 1
column-side2 = Camp de l’acteur 2
column-location = Lieu

## Filter chips

role-any = tout rôle
role-actor1 = acteur 1
role-actor2 = acteur 2
role-assoc1 = associé à l’acteur 1
role-assoc2 = associé à l’acteur 2
role-side1 = camp 1 (acteur 1 ou associé)
role-side2 = camp 2 (acteur 2 ou associé)
chip-dates = du { $first } au { $last }
chip-from = À partir du { $first }
chip-until = Jusqu’au { $last }
chip-month = Mois : { $month }
chip-months = Mois : { $first }-{ $last }
chip-category = { $category } : { $value }
chip-actor = Acteur : { $actor }
chip-actor-role = Acteur : { $actor } ({ $role })
chip-alongside = Aux côtés de : { $actor }
chip-uncertain = Attributions incertaines comprises (« X et/ou Y »)
chip-fatalities = Morts : { $count }
chip-fatalities-range = Morts : { $low }-{ $high }
chip-fatalities-min = Morts : au moins { $low }
chip-fatalities-max = Morts : au plus { $high }
chip-civilian-only = Civils visés uniquement
chip-civilian-none = Sans civils visés
chip-text = Texte : « { $text } »
filters-in-words-none = Aucun filtre : tous les événements.
filters-in-words = Filtres : { $filters }.

## Chart summaries

summary-period-days = entre le { $first } et le { $last }
summary-period-month = en { $month } { $year }
summary-period-year = en { $year }
summary-period-months = entre { $first } et { $last } { $year }
summary-period-months-years = entre { $first } { $first_year } et { $last } { $last_year }
summary-change-none = aucun sur l’une ou l’autre période
summary-change-from-none = contre aucun sur la période précédente
summary-change-same = autant que sur la période précédente
summary-change-small = { $direction ->
    [up] en hausse
   *[down] en baisse
} par rapport à { $before } sur la période précédente
summary-change-percent = { $direction ->
    [up] en hausse
   *[down] en baisse
} de { $percent } % par rapport à la période précédente ({ $before })
summary-there-were = { $count ->
    [one] il y a eu { $what }
   *[other] il y a eu { $what }
}
summary-comparison = { $period }, { $now }, { $change } ; { $earlier }, { $before }.
summary-mover = { $key } : { $direction ->
    [up] hausse
   *[down] baisse
} de { $from } à { $to }
summary-movers = {" "}Par { $by } : { $movers }.
summary-totals-none = Aucun événement ne correspond aux filtres.
summary-totals-on = {" "}le { $day }
summary-totals-between = {" "}entre le { $first } et le { $last }
summary-totals-range = {" "}(estimations { $low }-{ $high })
summary-totals = { $events } avec { $fatalities }{ $range } (dont { $civilian } { $civilian ->
    [one] civil
   *[other] civils
}){ $span }.
summary-timeline-empty = La chronologie est vide.
summary-timeline-none = Aucun événement dans la chronologie pour ces filtres.
summary-timeline-coarsened = {" "}Affiché par { $bin } car par { $wanted } la période demanderait plus de { $max } barres.
summary-timeline = { $total } { $measure ->
    [events] événements
   *[fatalities] morts signalés
} de { $first } à { $last }, par { $bin } ; le maximum ({ $bin }) : { $peak } avec { $value }.{ $coarsened }
summary-breakdown-none = Aucun{ $measure ->
    [events] {" "}événement
   *[fatalities] {" "}mort
} à afficher par { $dimension }.
summary-breakdown-entry = { $label } ({ $value }, { $percent } %)
summary-breakdown = Par { $dimension }, la plupart des { $measure ->
    [events] événements
   *[fatalities] morts
} se rapportent à : { $top }.
summary-map-none = Aucun événement à afficher sur la carte.
summary-map = La carte montre { $events } en { $places } ; le plus grand nombre à { $place } ({ $place_events }, { $place_fatalities }).
summary-map-single = La carte montre { $events }, un par lieu.
summary-map-deadliest = {" "}Le plus meurtrier à { $place } ({ $fatalities }).
summary-map-unplaced = { $count ->
    [one] {" "}{ $count } événement n’a pas de coordonnées et n’est pas affiché.
   *[other] {" "}{ $count } événements n’ont pas de coordonnées et ne sont pas affichés.
}

## Captions, footers, credits and map texts

scope-shown-dates = toutes les dates sont affichées, celles hors de la période voilées
scope-shown-compare = la comparaison compte ses deux propres périodes
scope-shown-bars = { $shown }, les barres qu’il nomme mises en évidence
scope-not-applied = Non appliqué à ce graphique : { $filters }. À la place, { $shown }.
scope-all-shown-actors = les acteurs les plus actifs sont affichés
scope-all-shown = l’ensemble des { $values } est affiché
list-and = { $first } et { $last }
caption-shown-actors = Les acteurs les plus actifs
caption-shown = Ensemble des { $values }
caption-none-selected = { $shown }.
caption-actor-alongside = {" "}(le filtre d’acteur, avec son « aux côtés de », s’applique aux autres graphiques)
caption-actor = {" "}(le filtre d’acteur s’applique aux autres graphiques)
caption-selected = { $shown } ; sélection : { $selected }{ $extra }.
compare-caption = Événements et morts par { $by } : A = { $a }, B = { $b }
compare-heading-events-a = Événements A
compare-heading-events-b = Événements B
compare-heading-change = Évolution
compare-heading-fatalities-a = Morts A
compare-heading-fatalities-b = Morts B
compare-preset-button = Comparer avec { $year }
table-count-line = { $events } ; choisissez une ligne pour lire sa fiche complète.
map-tooltip = { $place } : { $events }, { $fatalities }
map-place-caption = { $count ->
    [one] { $count } événement correspond aux filtres ici
   *[other] { $count } événements correspondent aux filtres ici
}
map-place-first = ; les { $count } premiers sont listés
map-event-line = { $date } · { $event_type } · { $fatalities } morts
map-unnamed-region = Région sans nom
map-no-points = Aucun événement avec des coordonnées ne correspond aux filtres.
change-new = nouveau
change-none = inchangé
change-percent = { $sign }{ $percent } %
credit-bundled-title = Le groupe Wagner au Mali, événements rapportés publiquement
credit-remote-title = { $url } (non vérifié par EventLens)
credit-events-to = , événements jusqu’au { $day }
credit-bundled-versioned = { $title } (édition EventLens { $version }{ $to }). { $note }
credit-versioned = { $title } ({ n-events }{ $to })
credit-bundled = Compilé par EventLens à partir de CTC Sentinel, RUSI, Jamestown Foundation, Jeune Afrique / The Africa Report et d’une note d’analyse.
credit-ucdp-version = {" "}version { $version }
credit-ucdp = Données : UCDP Georeferenced Event Dataset (GED){ $version }, Uppsala Conflict Data Program, CC BY 4.0 (Sundberg et Melander 2013)
credit-acled-exported = , exporté le { $day }
credit-acled = Données : Armed Conflict Location & Event Data Project (ACLED), acleddata.com{ $exported }
credit-own-file = Données : le fichier de l’utilisateur
credit-synthetic = Données : événements SYNTHÉTIQUES de test produits par le générateur d’EventLens ({ n-events }), pas des faits réels
credit-remote = { $cite } ; chargé depuis { $url }, non vérifié par EventLens.
credit-cite = { $cite }.
credit-sample-note = Un échantillon choisi d’événements rapportés, pas un décompte complet de ce qui s’est passé.

## Exported charts, sharing and records

chart-tip-selected = { $label } : { $value } (sélectionné)
chart-source = Source : { $source }
record-column = colonne { $number }
panel-timeline = Chronologie
panel-map = Carte
panel-breakdown = Répartition
panel-table = Tableau des événements
embed-title = EventLens : { $chart } · { $dataset }
copy-done = Copié dans le presse-papiers.
copy-failed = Ce navigateur n’a pas laissé la page copier : sélectionnez le texte ci-dessus et copiez-le (Ctrl+C ou ⌘C).

## Import errors

error-empty-file = Le fichier est vide (0 octet). Choisissez l’export CSV lui-même ; si vous l’avez téléchargé, le téléchargement n’est peut-être pas terminé.
error-only-bom = Le fichier ne contient qu’une marque d’ordre des octets ({ $size }) et aucun texte. Choisissez l’export CSV lui-même ; si vous l’avez téléchargé, le téléchargement n’est peut-être pas terminé.
error-only-blank-lines = Le fichier ne contient que des lignes vides ({ $size } de sauts de ligne, d’espaces ou de séparateurs), sans noms de colonnes ni événements. Choisissez l’export CSV lui-même ; si vous l’avez téléchargé, le téléchargement n’est peut-être pas terminé.
error-header-only = Le fichier a une ligne d’en-tête mais aucun événement dessous. Vérifiez que les filtres de l’export (dates, pays) correspondaient à des événements, puis exportez de nouveau.
error-excel = C’est un classeur Excel (.xlsx/.xls), pas un fichier CSV. Ouvrez-le dans Excel ou LibreOffice et choisissez Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) », puis déposez le .csv ici.
error-zip = C’est une archive ZIP, pas un fichier CSV. Décompressez-la d’abord et déposez le fichier .csv qu’elle contient.
error-html = Ce fichier est une page web (HTML), pas des données CSV ; il a sans doute été enregistré depuis un onglet ou une page d’erreur. Téléchargez de nouveau l’export CSV et déposez ce fichier.
error-xml = Ce fichier est un document XML, pas des données CSV. Téléchargez l’export CSV des données et déposez ce fichier.
error-pdf = C’est un document PDF, pas des données CSV. Téléchargez les données en CSV (depuis l’outil d’export d’ACLED ou la page de téléchargement de l’UCDP) et déposez ce fichier.
error-gzip = Ce fichier est compressé (gzip, souvent nommé .csv.gz). Décompressez-le d’abord et déposez le fichier .csv qu’il contient.
error-binary = Ce n’est pas un fichier texte : il contient des données binaires à l’octet { $offset }. Déposez un export CSV (du texte en colonnes séparées par des virgules, des points-virgules ou des tabulations).
error-unclosed-quote = Ligne { $line } : un champ entre guillemets s’ouvre par " mais n’est jamais fermé, si bien que le reste du fichier serait lu comme une seule valeur. Cherchez un guillemet égaré sur cette ligne, ou exportez de nouveau le fichier.
error-stray-quote = Ligne { $line }, colonne { $column } : une valeur entre guillemets s’ouvre par " et court jusqu’à la ligne { $until_line }, englobant { $rows ->
    [one] { $rows } ligne qui ressemble à un événement, qui serait donc perdue
   *[other] { $rows } lignes qui ressemblent à des événements, qui seraient donc perdues
}. Cherchez un guillemet égaré sur la ligne { $line } (un guillemet dans une valeur s’écrit deux fois, ""), ou exportez de nouveau le fichier.
error-quote-in-header = Ligne { $line }, colonne { $column } de l’en-tête : un guillemet ouvre un nom de colonne qui court par-dessus des séparateurs ou des sauts de ligne (« { $value } »), si bien que les colonnes ne peuvent être distinguées. Retirez le guillemet égaré de la ligne d’en-tête, ou exportez de nouveau le fichier.
error-record-too-long = Ligne { $line } : une ligne dépasse { $limit_mb } Mo, ce qui signifie en général un guillemet jamais fermé. Cherchez un guillemet égaré sur cette ligne, ou exportez de nouveau le fichier.
error-duplicate-column = L’en-tête nomme deux fois la colonne « { $name } » (colonnes { $first } et { $second }) : on ne sait pas laquelle utiliser. Renommez ou supprimez l’une d’elles et réessayez.
error-unknown-layout = Les colonnes ({ $columns }) ne correspondent pas à un export ACLED ou UCDP GED. Indiquez quelle colonne contient la date, le lieu, les acteurs, le type d’événement et les morts pour le lire quand même.
error-mapping-unset = La correspondance des colonnes n’indique pas quelle colonne contient : { $role }. Choisissez l’une des colonnes du fichier.
error-mapping-missing = La correspondance des colonnes utilise « { $name } » pour : { $role }, mais le fichier n’a pas de colonne de ce nom. Choisissez l’une des colonnes du fichier.
error-no-rows-value = {" "}(« { $value } »)
error-no-usable-rows = Aucune ligne du fichier n’a pu être lue comme un événement. Premier problème : { $place } : { $problem }{ $value }{ $hint }
error-too-large = Le fichier pèse { $size }, plus que les { $limit } que cet onglet peut lire. Exportez une sélection plus petite (moins d’années ou de pays) et chargez-la.
error-too-many-events = Ligne { $line } : le fichier a plus de { $limit } événements, plus que cet onglet ne peut en contenir (chacun occupe environ 40 octets de mémoire). Exportez une sélection plus petite (moins d’années ou de pays) et chargez-la.
error-too-much-memory = Ligne { $line } : les événements lus jusqu’ici, avec leurs lieux, acteurs et noms, occupent plus de { $limit } de mémoire, plus que cet onglet ne peut en contenir. Exportez une sélection plus petite (moins d’années ou de pays) et chargez-la.
error-held-text-too-large = Ligne { $line } : ce fichier { $encoding } est converti en UTF-8 et gardé en mémoire, et à cette ligne il occuperait plus de { $limit }. Enregistrez-le en « CSV UTF-8 » (lu sans copie), ou exportez une sélection plus petite, et chargez-le.
error-too-many-values = Ligne { $line } : la colonne « { $column } », lue comme { $role }, a plus de { $limit } valeurs différentes, plus qu’une colonne de types ne peut en contenir ; ce n’est sans doute pas une colonne de types. Choisissez une autre colonne pour { $role } dans la correspondance des colonnes, ou vérifiez le fichier.
error-ambiguous-example = {" "}(« { $value } » donne { $day_first } jour d’abord, { $month_first } mois d’abord)
error-ambiguous-dates = Les dates peuvent se lire jour d’abord ou mois d’abord, et aucune date du fichier n’a de jour au-delà de 12 pour trancher{ $example }. Choisissez l’ordre qu’utilise le fichier, puis chargez-le de nouveau.

## Import report: row problems

problem-hint-dates = Les dates doivent ressembler à 2022-05-05, 22 February 2019 ou 05/05/2022 ; si ce fichier utilise une autre forme, chargez-le par la correspondance des colonnes et choisissez l’ordre des dates.
problem-hint-fields = Les lignes n’ont pas autant de colonnes que l’en-tête ; le fichier utilise peut-être un autre séparateur, ou il a été tronqué.
problem-too-few = trop peu de champs ({ $expected } attendus)
problem-too-many = trop de champs ({ $expected } attendus)
problem-too-few-found = trop peu de champs ({ $expected } attendus, { $found } trouvés)
problem-too-many-found = trop de champs ({ $expected } attendus, { $found } trouvés)
problem-empty-date = la date est vide
problem-unreadable-date = la date est illisible
problem-coordinate = { $column } (pas une coordonnée, laissée vide)
problem-empty-count = { $column } (vide, lu comme 0)
problem-unreadable-count = { $column } (pas un nombre entier, lu comme 0)
problem-empty-value = (vide)
problem-place-named = ligne { $line }, colonne { $column } ({ $name })
problem-place-column = ligne { $line }, colonne { $column }
problem-place-line = ligne { $line }

## Import report: formats, columns, dates and warnings

format-acled-current = Export ACLED (présentation actuelle)
format-acled-export-tool = Outil d’export ACLED (présentation 2019-2021)
format-acled-monadic = Export ACLED monadique (une ligne par acteur)
format-acled-legacy = Ancien fichier ACLED toute l’Afrique
format-ucdp-ged = UCDP Georeferenced Event Dataset (GED)
format-mapped = CSV lu par une correspondance de colonnes
column-role-event-id = Identifiant d’événement
column-role-date = Date
column-role-date-end = Date de fin
column-role-time-precision = Précision de la date
column-role-disorder-type = Type de désordre
column-role-event-type = Type d’événement
column-role-sub-event-type = Sous-type d’événement
column-role-actor-1 = Acteur (camp 1)
column-role-assoc-actor-1 = Acteurs associés (camp 1)
column-role-actor-2 = Acteur (camp 2)
column-role-assoc-actor-2 = Acteurs associés (camp 2)
column-role-civilian-targeting = Civils visés
column-role-country = Pays
column-role-admin-1 = Région (admin 1)
column-role-admin-2 = District (admin 2)
column-role-admin-3 = Sous-district (admin 3)
column-role-location = Lieu
column-role-latitude = Latitude
column-role-longitude = Longitude
column-role-geo-precision = Précision du lieu
column-role-source = Source
column-role-notes = Notes
column-role-fatalities = Morts
column-role-fatalities-low = Morts (estimation basse)
column-role-fatalities-high = Morts (estimation haute)
column-role-civilian-deaths = Morts civils
column-role-year = Année
separator-comma = virgule (« , »)
separator-semicolon = point-virgule (« ; »)
separator-tab = tabulation
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 avec marque d’ordre des octets
encoding-utf16le = UTF-16 petit-boutiste
encoding-utf16be = UTF-16 gros-boutiste
encoding-windows1252 = Windows-1252
date-form-iso = année-mois-jour (2022-05-05)
date-form-year-first = année/mois/jour (2022/05/05)
date-form-month-name = jour, nom du mois, année (22 February 2019, 5-Aug-24)
date-form-day-first = jour/mois/année (31/12/2019, 31-12-19)
date-form-month-first = mois/jour/année (12/31/2019)
date-form-excel = numéros de jour Excel (44713 = 2022-06-01)
date-reading = « { $value } » = { $day }
date-read-as = Lu comme { $form }.
date-read-as-examples = Lu comme { $form } : { $examples }.
date-pivot = {" "}Les années à deux chiffres jusqu’à { $pivot } ont été lues 20xx, les suivantes 19xx (le fichier n’a pas de colonne d’année pour le dire).
warning-rows-merged = { $rows } lignes répétaient un événement déjà lu (une ligne par acteur) ; chaque événement est compté une fois, ses morts aussi.
warning-no-coordinates = Aucune ligne n’a de coordonnées : la carte reste vide.
warning-uncertain = { $count ->
    [one] { $count } événement est attribué
   *[other] { $count } événements sont attribués
} à « X et/ou Y » : la source n’a pas pu dire quel groupe a agi. Ils ne comptent pour aucun des deux groupes, mais sous « X ou Y (incertain) », sauf si « Compter les attributions incertaines pour chaque acteur » est coché.
warning-year-mismatch = { $count ->
    [one] { $count } ligne a
   *[other] { $count } lignes ont
} une colonne d’année en désaccord avec la date lue ; vérifiez la forme de date ci-dessus, ou le fichier.
warning-windows-1252 = La ligne { $line } a un octet qui n’est pas de l’UTF-8, et tout ce qui précède était de l’ASCII simple : le fichier a donc été lu en Windows-1252 (accents comme é conservés). Si des noms semblent faux, enregistrez le fichier en « CSV UTF-8 » et chargez-le de nouveau.
warning-not-utf8 = À partir de la ligne { $line }, le fichier a { $count ->
    [one] { $count } séquence d’octets qui n’est pas de l’UTF-8 après du texte qui l’était : il mélange donc les encodages ; elle est affichée comme �.
   *[other] { $count } séquences d’octets qui ne sont pas de l’UTF-8 après du texte qui l’était : il mélange donc les encodages ; elles sont affichées comme �.
} Les noms accentués peuvent sembler faux : enregistrez le fichier en « CSV UTF-8 » et chargez-le de nouveau.

## Loading errors

load-bundled-failed = Le jeu de données fourni n’a pas pu être lu : { $reason }
load-fallback-bundled = {" "}Le jeu de données fourni est affiché à la place.
load-fallback-stays = {" "}Le jeu de données affiché reste en place.
load-fetch-failed = Impossible de charger { $url } : le navigateur n’a pas pu le récupérer ({ $reason }). L’adresse est peut-être fausse ou hors ligne, ou son serveur n’autorise pas d’autres sites à lire le fichier (CORS).
load-http-status = Impossible de charger { $url } : le serveur a répondu { $status }.
load-remote-unknown-layout = { $url } ne ressemble pas à un export ACLED ou UCDP GED. Téléchargez-le et ouvrez-le avec « Ouvrir votre fichier » pour choisir ses colonnes.
load-remote-unreadable = { $url } n’a pas pu être lu : { $reason }
load-broke-off = Impossible de charger { $url } : le téléchargement s’est interrompu après { $received } ({ $reason }).

## Browser errors (downloads, images, the Excel reader)

dom-download-failed = Impossible de télécharger { $url } : { $reason }
dom-download-status = Impossible de télécharger { $url } : le serveur a répondu { $status }.
dom-read-failed = Impossible de lire { $url } : { $reason }
dom-file-unreadable = Le navigateur n’a pas pu lire le fichier : { $reason }
dom-png-failed = Le navigateur n’a pas pu créer l’image PNG.
dom-chart-failed = Le graphique n’a pas pu être dessiné : { $reason }
workbook-not-started = Le lecteur Excel n’a pas pu démarrer ({ $reason }). Enregistrez la feuille en CSV dans Excel (Fichier > Enregistrer sous > CSV UTF-8) et ouvrez ce fichier.
workbook-stopped = Le lecteur Excel s’est arrêté sur ce classeur ({ $reason }). Enregistrez la feuille en CSV dans Excel (Fichier > Enregistrer sous > CSV UTF-8) et ouvrez ce fichier.
workbook-not-loaded = Le lecteur Excel n’a pas pu être chargé ; vérifiez la connexion et réessayez, ou enregistrez la feuille en CSV dans Excel (Fichier > Enregistrer sous > CSV UTF-8) et ouvrez ce fichier.
import-worker-stopped = L’importateur s’est arrêté pendant la lecture de ce fichier ({ $reason }). Les données affichées restent ; réessayez, et s’il s’arrête encore, le fichier est peut-être endommagé.
import-worker-stopped-unknown = L’importateur s’est arrêté pendant la lecture de ce fichier. Les données affichées restent ; réessayez, et s’il s’arrête encore, le fichier est peut-être endommagé.
load-file-failed = { $name } : { $sentence }
workbook-bad-answer = Le lecteur Excel a donné une réponse inutilisable par la page. Enregistrez la feuille en CSV dans Excel (Fichier > Enregistrer sous > CSV UTF-8) et ouvrez ce fichier.
workbook-not-a-workbook = Le lecteur Excel a lu ce fichier comme autre chose qu’un classeur. Enregistrez la feuille en CSV dans Excel et ouvrez ce fichier.

## Classeurs et documents JSON : d’où les événements ont été lus, et pourquoi pas

list-separator = { "\u202F; " }
quoted = « { $text } »
container-read-sheet-only = Lu dans la feuille « { $sheet } » du classeur, sa seule feuille.
container-read-sheet-others = Lu dans la feuille « { $sheet } » du classeur ; ses autres feuilles : { $others }.
container-read-json = Lu dans { $shape }.
json-shape-acled = une réponse de l’API ACLED (son tableau « { $array } »)
json-shape-ucdp = une réponse de l’API UCDP (son tableau « { $array } »)
json-shape-array = un tableau JSON d’objets
json-found-object-keys = un objet avec les clés { $keys }
json-found-object = un objet
json-found-bool = un seul vrai ou faux
json-found-number = un seul nombre
json-found-string = une seule chaîne de caractères
json-found-null = un seul null
json-found-empty = vide
json-found-not-objects = { $shape } dont les éléments ne sont pas des objets
json-found-empty-objects = { $shape } dont les objets sont tous vides
json-success-false = « { $field } » vaut { $value }
json-not-objects = { $count ->
    [one] { $count } élément du tableau n’était pas un objet et a été écarté.
   *[other] { $count } éléments du tableau n’étaient pas des objets et ont été écartés.
}
json-ucdp-one-page = Cette réponse de l’API UCDP contient { $objects } des { $total } événements trouvés par sa requête : c’est une page de la réponse. Demandez toutes les pages à l’API (ou téléchargez le GED en CSV) pour les lire tous.
json-acled-count = Cette réponse de l’API ACLED annonce { $count } événements mais en contient { $objects } ; elle a peut-être été tronquée.
sheet-outside-cells = { $count ->
    [one] { $count } cellule avec une valeur hors des colonnes de l’en-tête a été écartée
   *[other] { $count } cellules avec une valeur hors des colonnes de l’en-tête ont été écartées
} (la première en { $cell }) ; une colonne doit avoir un nom dans la ligne d’en-tête pour être lue.
sheet-lines-differ = Les numéros de ligne de ce rapport ne sont pas ceux des lignes de la feuille : { $reasons }.
sheet-reason-header = la ligne 1 est l’en-tête, à la ligne { $row } de la feuille
sheet-reason-blank = { $count ->
    [one] { $count } ligne vide est écartée
   *[other] { $count } lignes vides sont écartées
}
sheet-reason-multi-line = une cellule avec des sauts de ligne occupe une ligne pour chacun
container-old-excel = C’est un classeur Excel 97-2003 (.xls), un ancien format qu’EventLens ne lit pas. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en classeur Excel (.xlsx) ou en « CSV UTF-8 (délimité par des virgules) », puis déposez ce fichier.
container-encrypted = Ce classeur Excel est protégé par un mot de passe, si bien que ses cellules ne peuvent pas être lues. Ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > Protéger le classeur) ou enregistrez-en une copie en CSV, puis déposez ce fichier.
container-damaged = Ce classeur Excel n’a pas pu être lu ({ $problem }) ; il est peut-être endommagé ou incomplètement téléchargé. Téléchargez-le de nouveau, ou ouvrez-le dans Excel ou LibreOffice et enregistrez-le en CSV.
container-no-worksheet = Ce classeur Excel n’a aucune feuille de calcul visible avec des cellules (seulement des graphiques, ou des feuilles masquées). Affichez la feuille des événements, ou enregistrez-la en CSV, puis déposez ce fichier.
container-sheet-not-found = Le classeur n’a pas de feuille « { $sheet } » ; ses feuilles sont { $sheets }. Choisissez l’une d’elles.
container-empty-sheet = La feuille « { $sheet } » du classeur n’a aucune cellule avec une valeur. Choisissez la feuille qui contient les événements, avec les noms de leurs colonnes dans sa première ligne.
container-json-syntax = Ligne { $line }, colonne { $column } : ce fichier n’est pas du JSON valide ({ $problem }) ; son téléchargement n’est peut-être pas terminé. Téléchargez-le de nouveau.
container-json-shape = Ce fichier JSON est { $found }, où EventLens ne trouve aucun événement. Il lit une réponse de l’API ACLED ({ $acled }), une réponse de l’API UCDP ({ $ucdp }) ou un tableau d’objets événements ({ $array }).
container-api-error = C’est une réponse de l’API ACLED qui signale une erreur au lieu d’événements : { $message }. Vérifiez la requête (clé, adresse électronique, filtres) et relancez-la.
container-no-objects = Ce fichier est { $shape } sans aucun événement. Vérifiez que les filtres de la requête (dates, pays) correspondaient à des événements, puis relancez-la.
container-too-large = { $kind ->
    [workbook] Ce classeur pèse { $size } Mo. Un classeur doit être lu en entier, et cette page lit ainsi jusqu’à { $limit } Mo.
   *[other] Ce fichier JSON pèse { $size } Mo. Un fichier JSON doit être lu en entier, et cette page lit ainsi jusqu’à { $limit } Mo.
} Enregistrez les données en CSV, qui est lu morceau par morceau, ou exportez une sélection plus petite.

## Quand le code de la page échoue

recover-stopped-title = EventLens s’est arrêté
recover-stopped = EventLens a échoué sur une erreur interne ({ $error }) juste après avoir redémarré ; il s’est donc arrêté au lieu de redémarrer encore. Vos données ne sont pas sorties de votre navigateur.
recover-stopped-hint = Rechargez la page pour recommencer, ou ouvrez l’adresse de la page sans les réglages qui suivent « ? ». Si cela se reproduit, signalez-le avec l’adresse de la page.
recover-restarted-file = EventLens a échoué sur une erreur interne ({ $error }) et a redémarré : votre fichier et la dernière vue affichée sont revenus. Si cela se reproduit, signalez-le avec l’adresse de la page.
recover-restarted = EventLens a échoué sur une erreur interne ({ $error }) et a redémarré : la dernière vue affichée est revenue. Si cela se reproduit, signalez-le avec l’adresse de la page.

## Avis sur les paramètres du lien

link-too-long = Le lien dépasse { $max } caractères ; la suite a été ignorée.
link-ignored = Paramètre { $key }={ $value } ignoré : { $why }
link-ignored-empty = Paramètre { $key }= ignoré : la valeur est vide.
link-ignored-long = Paramètre « { $key } » ignoré : sa valeur dépasse { $max } caractères.
link-unknown = Paramètre inconnu « { $key } » ignoré.
link-dates-swapped = La date de début était après la date de fin ; elles ont été interverties.
link-compare-half = Une comparaison a besoin de ca et de cb ; elle a été ignorée.
link-why-one-of = { $key } vaut { $values }.
list-or = { $first } ou { $last }
link-why-value-long = sa valeur dépasse { $max } caractères.
link-why-too-many-values = trop de valeurs.
link-why-data = { $key } doit être une adresse http(s) ou un chemin sur ce site.
link-why-dates = les dates s’écrivent AAAA-MM-JJ.
link-why-months = les mois sont une plage comme 6-9 (de juin à septembre).
link-why-fatalities = le nombre de morts est un nombre entier.
link-why-too-many-aliases = trop d’alias.
link-why-alias-names = un alias a besoin des deux noms.
link-why-alias-form = un alias s’écrit BRUT=>CANONIQUE.
link-why-group = ce n’est pas une dimension de regroupement.
link-why-period = une période s’écrit 2021-06-01..2021-09-30.
link-why-breakdown = une répartition se fait par { $values }.

## Map legend and published figures

map-legend-events-per-region = Événements par région
map-legend-density = Teinte : événements par carré de { $cell } pixels, le plus foncé { $darkest }
map-legend-colour = Couleur : type d’événement le plus fréquent ({ $types }).
map-legend-size = Taille : { $title } ({ $sizes }).
published-dates = du { $first } au { $last }
published-dates-from = à partir du { $first }
published-dates-to = jusqu’au { $last }
published-not-stated = non précisée
published-months = { $dates }, de { $first } à { $last }
published-same = autant
published-fewer = { $count } de moins
published-more = { $count } de plus
published-reported = { $publication } a publié { $value }
published-sentence = { $reported } ; ce jeu de données compte { $count } ({ $difference }).
published-sentence-not-counted = { $reported }. Non compté ici : { $why }
published-sentence-plain = { $reported }.

## Published figures read as filters

figure-not-events = Il compte des { $unit }, pas des événements de conflit ; les filtres ne comptent que des événements.
figure-civilian-deaths = morts civils : pour les fichiers ACLED, tous les morts des événements visant des civils ; pour l’UCDP GED, deaths_civilians
figure-share = C’est un pourcentage ; les filtres comptent des événements et des morts, pas des parts ni des taux d’évolution.
figure-unknown-measure = Sa mesure « { $measure } » n’est pas de celles que comptent les filtres.
figure-area = { $area } : les régions (admin 1) { $regions }
figure-same-side = { $one } et { $other } dans le même camp d’un événement
figure-many-actors = Il nomme plus de deux acteurs ; les filtres prennent un acteur et un autre à ses côtés.

## Legends

aliases-names-label = Noms d’acteurs du fichier
map-colours-label = Couleur des points : type d’événement le plus fréquent du lieu
term-other-types = Autres types
term-not-stated = (non précisé)

## Hints and labels

bars-hint = Cliquez sur une barre pour filtrer ; cliquez de nouveau pour annuler.
published-loading = Chargement des chiffres publiés…
published-failed = Les chiffres publiés n’ont pas pu être lus : { $reason }
export-download = Télécharger
export-group-label = Télécharger { $chart }
map-layer-auto = Automatique
map-layer-points = Points
map-layer-regions = Régions
map-layer-density = Densité

## Comparison totals

compare-all-events = Tous les événements

## Chart text fields

text-field-title = Titre
text-field-desc = Description
text-field-notes = Notes
text-field-source = Source

## Un second fichier : une autre version ou une autre source

second-aria = Un second fichier
second-open-as = Ouvrir un second fichier comme
second-as-version = { " " }une autre version de ces données
second-as-source = { " " }une autre source, côte à côte
second-button-version = Comparer avec une autre version de ces données
second-button-source = Placer une autre source à côté de celle-ci
second-drop-hint = { " " }ou déposez-le ici. Il est lu dans votre navigateur et ne remplace pas le jeu de données affiché.
second-close = Fermer le second fichier
second-reading = { " " }Lecture de { $name } : { $read } sur { $total }, { $events ->
    [one] { $events } événement
   *[other] { $events } événements
}
second-matching = { " " }Appariement des événements des deux versions : { $percent } %
second-failed = { $name } n’a pas pu être ouvert comme second fichier : { $reason } Le jeu de données affiché reste.
second-link-note = Un lien vers cette page ne peut pas transporter le second fichier : il a été lu depuis votre ordinateur, pas depuis une adresse. Qui ouvre le lien voit le jeu de données sans lui.
second-the-file = le fichier
second-first-file = premier fichier
second-second-file = second fichier
versions-no-ids = Le fichier { $which ->
    [later] le plus récent
   *[earlier] le plus ancien
} n’a pas de colonne d’identifiant d’événement (event_id_cnty dans les exports ACLED, id dans UCDP GED), si bien que ses événements ne peuvent pas être appariés avec ceux de l’autre fichier. Téléchargez les deux versions avec leur colonne d’identifiant.
versions-different-sources = Un fichier est un export ACLED et l’autre un fichier UCDP GED : deux sources différentes, dont les identifiants ne se correspondent pas. Comparez-les côte à côte plutôt que comme des versions.
versions-title = Ce qui a changé entre les deux versions
versions-earlier = Plus ancienne :{ " " }
versions-later =  ; plus récente :{ " " }
versions-events-to = { " " }(événements jusqu’au { $date })
versions-swap = Intervertir l’ancienne et la récente
versions-added = Ajoutés :{ " " }
versions-deleted = Supprimés :{ " " }
versions-revised = Révisés :{ " " }
versions-first-listed = Les { $listed } premiers sur { $count } ; le CSV les liste tous.
versions-export = Télécharger les changements (CSV)
versions-no-id = (sans identifiant)
versions-change = { $field } : { $old } → { $new }
versions-in-this-view = dans cette vue
versions-summary = Événements { $scope } : { $earlier } dans le fichier le plus ancien, { $later } dans le plus récent ; morts : { $earlier_fatalities } et { $later_fatalities }. { $added ->
    [one] { $added } événement ajouté
   *[other] { $added } événements ajoutés
}, { $deleted ->
    [one] { $deleted } supprimé
   *[other] { $deleted } supprimés
}, { $revised ->
    [one] { $revised } révisé
   *[other] { $revised } révisés
}
versions-moved-in = { $count } désormais dans la vue
versions-moved-out = { $count } désormais hors de la vue
versions-unmatched = { $count ->
    [one] { $count } événement sans identifiant n’a pas pu être apparié.
   *[other] { $count } événements sans identifiant n’ont pas pu être appariés.
}
versions-now-in-view = désormais dans la vue
versions-now-out-of-view = désormais hors de la vue
versions-field-date = date
versions-field-fatalities = morts
versions-field-event-type = type d’événement
versions-field-sub-event-type = sous-type d’événement
versions-field-actors = acteurs
versions-field-location = lieu
sources-title = Deux sources côte à côte
sources-per = Par
sources-bars-show = Les barres montrent
sources-events = les événements
sources-fatalities = les morts
sources-heading-month = Mois
sources-heading-year = Année
sources-heading-admin1 = Région (admin 1)
sources-label-month = mois
sources-label-year = année
sources-label-admin1 = région (admin 1)
sources-col-events = Événements, { $source }
sources-col-fatalities = Morts, { $source }
sources-total = Total
sources-footer-note = Chaque source compte ses propres événements : les deux sont placées côte à côte, et aucun événement de l’une n’est apparié avec un événement de l’autre.
sources-no-events = Aucun événement dans l’une ou l’autre source.
sources-legend-label = Sources
sources-chart-label = Barres appariées : la première source au-dessus de la seconde pour chaque ligne ; le tableau ci-dessous donne les chiffres
sources-no-column = { $source } n’a pas de colonne { $category } : ses chiffres ne sont pas filtrés par { $category } ({ $values }).
sources-no-value-none = { $source } n’a pas de { $category } nommé { $values } : ses chiffres ne sont pas filtrés par { $category }.
sources-no-value-some = { $source } n’a pas de { $category } nommé { $values } : ses chiffres ne comptent que { $known }.
sources-or = { " " }ou{ " " }
sources-no-civilian = { $source } ne marque pas le ciblage des civils : ses chiffres ne sont pas filtrés par ce critère.
sources-no-actor = Aucun acteur de { $source } n’est connu sous le nom « { $actor } » : ses chiffres ne comptent aucun événement pour cet acteur.
