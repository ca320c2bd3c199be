<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>AssetTag</name>
    <message>
        <location filename="../../inventory/assettag.cpp" line="+80" />
        <source>«%1» looks like a scanner set to a QWERTY layout on an AZERTY keyboard: configure the scanner for AZERTY (French) and scan again.</source>
        <translation>«%1» ressemble à un lecteur réglé en QWERTY sur un clavier AZERTY : réglez le lecteur en AZERTY (français) et scannez à nouveau.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>«%1» is not an asset tag (expected PREFIX-NNNNNN-C, e.g. BCL-000123-Q).</source>
        <translation>«%1» n'est pas une étiquette d'inventaire (attendu PREFIXE-NNNNNN-C, par ex. BCL-000123-Q).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>«%1»: the check character does not match; the tag was mistyped or misread. Scan it again or type it carefully.</source>
        <translation>«%1» : le caractère de contrôle ne correspond pas ; l'étiquette a été mal tapée ou mal lue. Scannez-la à nouveau ou tapez-la avec soin.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../cli/main.cpp" line="+47" />
        <source>Usage: etabli NOUN VERB [options]  (global: --db PATH --json --station NAME --worker NAME --lang fr|en)</source>
        <translation>Usage : etabli NOM VERBE [options]  (globales : --db CHEMIN --json --station NOM --worker NOM --lang fr|en)</translation>
    </message>
    <message>
        <location line="+71" />
        <source>unknown command «%1»</source>
        <translation>commande inconnue «%1»</translation>
    </message>
    <message>
        <location filename="../cli/cli.cpp" line="+51" />
        <source> (see «etabli help»)</source>
        <translation> (voir «etabli help»)</translation>
    </message>
    <message>
        <location filename="../cli/cli_inventory.cpp" line="+31" />
        <source>lot %1</source>
        <translation>lot %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>for %1</source>
        <translation>pour %1</translation>
    </message>
    <message>
        <location line="+14" />
        <source>  specs: </source>
        <translation>  caractéristiques : </translation>
    </message>
    <message>
        <location line="+5" />
        <source>  created %1, updated %2, cycle %3</source>
        <translation>  créé le %1, modifié le %2, cycle %3</translation>
    </message>
    <message>
        <location line="+47" />
        <source>usage: etabli config get KEY | set KEY VALUE</source>
        <translation>usage : etabli config get CLÉ | set CLÉ VALEUR</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Contact of the donor</source>
        <translation>Contact du donateur</translation>
    </message>
    <message>
        <location line="+12" />
        <source>donor %1 added</source>
        <translation>donateur %1 ajouté</translation>
    </message>
    <message>
        <location line="+14" />
        <source>usage: etabli donor add NAME [--contact C] | list</source>
        <translation>usage : etabli donor add NOM [--contact C] | list</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Donor name (created if new)</source>
        <translation>Nom du donateur (créé s'il est nouveau)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Number of PCs announced</source>
        <translation>Nombre de PC annoncés</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Free notes</source>
        <translation>Notes libres</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1  donor: %2  assets: %3/%4  received %5</source>
        <translation>%1  donateur : %2  matériels : %3/%4  reçu le %5</translation>
    </message>
    <message>
        <location line="+11" />
        <source>--expected takes a whole number</source>
        <translation>--expected attend un nombre entier</translation>
    </message>
    <message>
        <location line="+27" />
        <source>usage: etabli lot add REF [--donor NAME] [--expected N] [--notes T] | show REF | list</source>
        <translation>usage : etabli lot add RÉF [--donor NOM] [--expected N] [--notes T] | show RÉF | list</translation>
    </message>
    <message>
        <location line="+13" />
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>malformed JSON payload at offset %1: %2</source>
        <translation>contenu JSON mal formé à la position %1 : %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>the payload must be a JSON object</source>
        <translation>le contenu doit être un objet JSON</translation>
    </message>
    <message>
        <location line="+9" />
        <source>pc, screen, keyboard, mouse, speakers or part</source>
        <translation>pc, screen (écran), keyboard (clavier), mouse (souris), speakers (enceintes) ou part (pièce)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Lot reference</source>
        <translation>Référence du lot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Use this pre-printed tag</source>
        <translation>Utiliser cette étiquette pré-imprimée</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only assets in this state</source>
        <translation>Seulement les matériels dans cet état</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Beneficiary reference (RESERVED, HANDED_OVER)</source>
        <translation>Référence du bénéficiaire (RESERVED, HANDED_OVER)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Why (e.g. reason of a return)</source>
        <translation>Pourquoi (par ex. motif d'un retour)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>JSON object, or @FILE</source>
        <translation>Objet JSON, ou @FICHIER</translation>
    </message>
    <message>
        <location line="+12" />
        <source>asset add needs --kind</source>
        <translation>asset add demande --kind</translation>
    </message>
    <message>
        <location line="+4" />
        <source>unknown kind «%1» (pc, screen, keyboard, mouse, speakers, part)</source>
        <translation>type inconnu «%1» (pc, screen, keyboard, mouse, speakers, part)</translation>
    </message>
    <message>
        <location line="+29" />
        <location line="+19" />
        <source>unknown state «%1»</source>
        <translation>état inconnu «%1»</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1 recorded for %2</source>
        <translation>%1 enregistré pour %2</translation>
    </message>
    <message>
        <location line="+19" />
        <source>usage: etabli asset add --kind K [--lot L] [--make M] [--model M] [--serial S] [--tag T] | show TAG | list [--state S] | move TAG STATE [--beneficiary B] [--note N] | record TAG TYPE --payload JSON|@FILE | history TAG | check TAG</source>
        <translation>usage : etabli asset add --kind K [--lot L] [--make M] [--model M] [--serial S] [--tag T] | show TAG | list [--state S] | move TAG ÉTAT [--beneficiary B] [--note N] | record TAG TYPE --payload JSON|@FICHIER | history TAG | check TAG</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Only events after this sequence number</source>
        <translation>Seulement les événements après ce numéro</translation>
    </message>
    <message>
        <location line="+3" />
        <source>At most this many events</source>
        <translation>Au plus ce nombre d'événements</translation>
    </message>
    <message>
        <location line="+4" />
        <source>usage: etabli events [--since N] [--limit N]</source>
        <translation>usage : etabli events [--since N] [--limit N]</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--since and --limit take whole numbers</source>
        <translation>--since et --limit attendent des nombres entiers</translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <location filename="../../inventory/event.cpp" line="+49" />
        <source>malformed event: %1</source>
        <translation>événement mal formé : %1</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../inventory/lifecycle.cpp" line="+45" />
        <source>record the broken (HS) part or the failed test first</source>
        <translation>enregistrez d'abord la pièce HS ou le test échoué</translation>
    </message>
    <message>
        <location line="+6" />
        <source>required tests not passed: %1</source>
        <translation>tests obligatoires non réussis : %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>the disk has no verified erasure</source>
        <translation>le disque n'a pas d'effacement vérifié</translation>
    </message>
    <message>
        <location line="+2" />
        <source>the master image was not written and verified</source>
        <translation>le master n'a pas été écrit et vérifié</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no label was printed for this asset</source>
        <translation>aucune étiquette n'a été imprimée pour ce matériel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>a PC must be erased and imaged (IMAGED) before READY</source>
        <translation>un PC doit être effacé et imagé (IMAGED) avant READY</translation>
    </message>
    <message>
        <location line="+2" />
        <source>name the beneficiary (--beneficiary)</source>
        <translation>indiquez le bénéficiaire (--beneficiary)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the asset is not reserved for anyone</source>
        <translation>le matériel n'est réservé pour personne</translation>
    </message>
    <message>
        <location line="+1" />
        <source>the asset is reserved for another beneficiary (%1)</source>
        <translation>le matériel est réservé pour un autre bénéficiaire (%1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>the donor's data must be erased (or the disk destroyed) before recycling</source>
        <translation>les données du donateur doivent être effacées (ou le disque détruit) avant le recyclage</translation>
    </message>
    <message>
        <location line="+93" />
        <location line="+10" />
        <source>%1 → %2 refused: %3</source>
        <translation>%1 → %2 refusé : %3</translation>
    </message>
    <message>
        <location line="-4" />
        <source>%1 is final</source>
        <translation>%1 est définitif</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 cannot go to %2</source>
        <translation>%1 ne peut pas passer à %2</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../inventory/store.cpp" line="+32" />
        <source>inventory store: %1: %2</source>
        <translation>inventaire : %1 : %2</translation>
    </message>
    <message>
        <location line="+89" />
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location line="+8" />
        <source>cannot open the inventory %1: %2</source>
        <translation>impossible d'ouvrir l'inventaire %1 : %2</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 is not a usable inventory: %2</source>
        <translation>%1 n'est pas un inventaire utilisable : %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 is not an inventory file</source>
        <translation>%1 n'est pas un fichier d'inventaire</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 was written by a newer Établi (schema %2, this one knows %3)</source>
        <translation>%1 a été écrit par un Établi plus récent (schéma %2, celui-ci connaît %3)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 is an SQLite file but not an inventory</source>
        <translation>%1 est un fichier SQLite mais pas un inventaire</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+20" />
        <source>cannot upgrade %1: %2</source>
        <translation>impossible de mettre à jour %1 : %2</translation>
    </message>
    <message>
        <location line="-14" />
        <source>upgrading %1 to schema %2 failed: %3</source>
        <translation>la mise à jour de %1 vers le schéma %2 a échoué : %3</translation>
    </message>
    <message>
        <location line="+53" />
        <source>a tag prefix is 1 to 8 capital letters or digits</source>
        <translation>un préfixe d'étiquette compte 1 à 8 majuscules ou chiffres</translation>
    </message>
    <message>
        <location line="+3" />
        <source>tag.next must be a positive number</source>
        <translation>tag.next doit être un nombre positif</translation>
    </message>
    <message>
        <location line="+17" />
        <source>a donor needs a name</source>
        <translation>un donateur doit avoir un nom</translation>
    </message>
    <message>
        <location line="+46" />
        <source>every tag number of prefix %1 is used: choose a new prefix</source>
        <translation>tous les numéros du préfixe %1 sont utilisés : choisissez un nouveau préfixe</translation>
    </message>
    <message>
        <location line="+54" />
        <source>unknown record type «%1» (one of %2)</source>
        <translation>type d'enregistrement inconnu «%1» (parmi %2)</translation>
    </message>
    <message>
        <location line="+19" />
        <source>unknown record type «%1»</source>
        <translation>type d'enregistrement inconnu «%1»</translation>
    </message>
    <message>
        <location line="+75" />
        <location filename="../../inventory/store_apply.cpp" line="+279" />
        <location line="+187" />
        <source>no asset %1 in this inventory</source>
        <translation>aucun matériel %1 dans cet inventaire</translation>
    </message>
    <message>
        <location line="+32" />
        <location filename="../../inventory/store_apply.cpp" line="-203" />
        <source>no lot «%1»</source>
        <translation>aucun lot «%1»</translation>
    </message>
    <message>
        <location line="+101" />
        <source>no event %1</source>
        <translation>aucun événement %1</translation>
    </message>
    <message>
        <location filename="../../inventory/store_apply.cpp" line="-239" />
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>«%1» is required</source>
        <translation>«%1» est obligatoire</translation>
    </message>
    <message>
        <location line="+4" />
        <source>«%1» must be a string</source>
        <translation>«%1» doit être un texte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>«%1» must not be empty</source>
        <translation>«%1» ne doit pas être vide</translation>
    </message>
    <message>
        <location line="+2" />
        <source>«%1» is too long</source>
        <translation>«%1» est trop long</translation>
    </message>
    <message>
        <location line="+9" />
        <source>«%1» must be a non-negative number</source>
        <translation>«%1» doit être un nombre positif ou nul</translation>
    </message>
    <message>
        <location line="+7" />
        <source>«%1» must be a number</source>
        <translation>«%1» doit être un nombre</translation>
    </message>
    <message>
        <location line="+7" />
        <source>«%1» must be true or false</source>
        <translation>«%1» doit valoir true ou false</translation>
    </message>
    <message>
        <location line="+7" />
        <source>«%1» must be an object</source>
        <translation>«%1» doit être un objet</translation>
    </message>
    <message>
        <location line="+7" />
        <source>«%1» must be a list</source>
        <translation>«%1» doit être une liste</translation>
    </message>
    <message>
        <location line="+88" />
        <source>the donor «%1» already exists</source>
        <translation>le donateur «%1» existe déjà</translation>
    </message>
    <message>
        <location line="+26" />
        <source>the lot «%1» already exists</source>
        <translation>le lot «%1» existe déjà</translation>
    </message>
    <message>
        <location line="+25" />
        <source>«role» must be worker, supervisor or desk</source>
        <translation>«role» doit valoir worker, supervisor ou desk</translation>
    </message>
    <message>
        <location line="+29" />
        <source>«tag» must equal the event's asset tag</source>
        <translation>«tag» doit être l'étiquette de l'événement</translation>
    </message>
    <message>
        <location line="+2" />
        <source>unknown kind (pc, screen, keyboard, mouse, speakers, part)</source>
        <translation>type inconnu (pc, screen, keyboard, mouse, speakers, part)</translation>
    </message>
    <message>
        <location line="+13" />
        <source>the tag %1 is already used</source>
        <translation>l'étiquette %1 est déjà utilisée</translation>
    </message>
    <message>
        <location line="+14" />
        <source>asset %1 vanished</source>
        <translation>le matériel %1 a disparu</translation>
    </message>
    <message>
        <location line="+11" />
        <source>unknown state (one of RECEIVED, TESTING, IN_REPAIR, IMAGED, READY, RESERVED, HANDED_OVER, RETURNED, PARTS, RECYCLED)</source>
        <translation>état inconnu (parmi RECEIVED, TESTING, IN_REPAIR, IMAGED, READY, RESERVED, HANDED_OVER, RETURNED, PARTS, RECYCLED)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>%1 is %2, not %3: someone moved it meanwhile</source>
        <translation>%1 est %2, pas %3 : quelqu'un l'a déplacé entre-temps</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%1 cannot go from %2 to %3</source>
        <translation>%1 ne peut pas passer de %2 à %3</translation>
    </message>
    <message>
        <location line="+43" />
        <source>each component must be an object with a «kind»</source>
        <translation>chaque composant doit être un objet avec un «kind»</translation>
    </message>
    <message>
        <location line="+32" />
        <source>«verdict» must be PASS, WARN or FAIL</source>
        <translation>«verdict» doit valoir PASS, WARN ou FAIL</translation>
    </message>
    <message>
        <location line="+18" />
        <source>unknown reason (one of %1)</source>
        <translation>motif inconnu (parmi %1)</translation>
    </message>
    <message>
        <location line="+56" />
        <source>the kit «%1» already exists</source>
        <translation>le kit «%1» existe déjà</translation>
    </message>
    <message>
        <location line="+17" />
        <source>this event type is not about one asset</source>
        <translation>ce type d'événement ne concerne pas un matériel</translation>
    </message>
</context>
</TS>