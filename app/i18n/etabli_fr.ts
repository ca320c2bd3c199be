<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>Api</name>
        <message>
            <location filename="../../inventory/server/api.cpp" line="+70" />
            <source>the body is not JSON: %1</source>
            <translation>le contenu n'est pas du JSON : %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the body must be a JSON object</source>
            <translation>le contenu doit être un objet JSON</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown field «%1»</source>
            <translation>champ inconnu «%1»</translation>
        </message>
        <message>
            <location line="+12" />
            <source>«%1» must be a non-empty string of at most %2 characters</source>
            <translation>«%1» doit être un texte non vide d'au plus %2 caractères</translation>
        </message>
        <message>
            <location line="+74" />
            <source>«%1» must be a whole number from %2 to %3</source>
            <translation>«%1» doit être un nombre entier de %2 à %3</translation>
        </message>
        <message>
            <location line="+15" />
            <source>the body is larger than %1 bytes</source>
            <translation>le contenu dépasse %1 octets</translation>
        </message>
        <message>
            <location line="+3" />
            <source>use GET</source>
            <translation>utilisez GET</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the database does not answer</source>
            <translation>la base de données ne répond pas</translation>
        </message>
        <message>
            <location line="+20" />
            <source>this method is not allowed here</source>
            <translation>cette méthode n'est pas permise ici</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+265" />
            <source>no such endpoint %1</source>
            <translation>pas d'adresse %1</translation>
        </message>
        <message>
            <location line="-261" />
            <source>an «Authorization: Bearer TOKEN» header is required</source>
            <translation>un en-tête «Authorization: Bearer TOKEN» est obligatoire</translation>
        </message>
        <message>
            <location line="+8" />
            <source>a %1 token cannot use %2 %3</source>
            <translation>un jeton %1 ne peut pas utiliser %2 %3</translation>
        </message>
        <message>
            <location line="+29" />
            <source>«events» must be a list</source>
            <translation>«events» doit être une liste</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at most %1 events a batch</source>
            <translation>au plus %1 événements par envoi</translation>
        </message>
        <message>
            <location line="+10" />
            <source>each event must be an object</source>
            <translation>chaque événement doit être un objet</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown event field «%1»</source>
            <translation>champ d'événement inconnu «%1»</translation>
        </message>
        <message>
            <location line="+7" />
            <source>event %1 appears twice</source>
            <translation>l'événement %1 est présent deux fois</translation>
        </message>
        <message>
            <location line="+4" />
            <source>a station never handles family data</source>
            <translation>un poste ne traite jamais les données des familles</translation>
        </message>
        <message>
            <location line="+35" />
            <source>unknown state «%1»</source>
            <translation>état inconnu «%1»</translation>
        </message>
        <message>
            <location line="+61" />
            <source>%1 is %2: it cannot be handed over</source>
            <translation>%1 est %2 : il ne peut pas être remis</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no beneficiary «%1»</source>
            <translation>aucun bénéficiaire «%1»</translation>
        </message>
        <message>
            <source>a %1 token cannot push %2 events</source>
            <translation>un jeton %1 ne peut pas envoyer d'événements %2</translation>
        </message>
        <message>
            <source>this server endorses no station keys (started without --certification-key)</source>
            <translation>ce serveur n'approuve aucune clé de poste (démarré sans --certification-key)</translation>
        </message>
        <message>
            <source>«station_key» must be an Ed25519 public key: 32 bytes in base64</source>
            <translation>« station_key » doit être une clé publique Ed25519 : 32 octets en base64</translation>
        </message>
        <message>
            <source>a beneficiary reference has 1 to 64 characters</source>
            <translation>une référence de bénéficiaire a de 1 à 64 caractères</translation>
        </message>
    </context>
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
        <name>AudioTest</name>
        <message>
            <location filename="../../hwtest/diag/audiotest.cpp" line="+25" />
            <source>not a usable WAV file: %1</source>
            <translation>pas un fichier WAV utilisable : %1</translation>
        </message>
        <message>
            <location line="+50" />
            <source>WAV format %1 with %2-bit samples is not supported</source>
            <translation>le format WAV %1 avec des échantillons de %2 bits n'est pas pris en charge</translation>
        </message>
        <message>
            <location line="+183" />
            <source>the recording holds no channel</source>
            <translation>l'enregistrement n'a aucun canal</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+12" />
            <source>neither tone came back</source>
            <translation>aucun des deux sons n'est revenu</translation>
        </message>
        <message>
            <location line="-9" />
            <source>the left tone did not come back</source>
            <translation>le son de gauche n'est pas revenu</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the right tone did not come back</source>
            <translation>le son de droite n'est pas revenu</translation>
        </message>
        <message>
            <location line="+9" />
            <source>left and right are swapped</source>
            <translation>la gauche et la droite sont inversées</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the left tone did not come back on the left</source>
            <translation>le son de gauche n'est pas revenu à gauche</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the right tone did not come back on the right</source>
            <translation>le son de droite n'est pas revenu à droite</translation>
        </message>
        <message>
            <location line="+3" />
            <source>each channel also carries the other tone</source>
            <translation>chaque canal porte aussi l'autre son</translation>
        </message>
        <message>
            <location line="+22" />
            <source>the worker did not hear the left side</source>
            <translation>le travailleur n'a pas entendu le côté gauche</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the worker did not hear the right side</source>
            <translation>le travailleur n'a pas entendu le côté droit</translation>
        </message>
        <message>
            <location filename="../station/AudioTest.qml" line="+19" />
            <source>Play each sound. Did you hear it?</source>
            <translation>Écoute chaque son. L'as-tu entendu ?</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Left sound</source>
            <translation>Son à gauche</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Right sound</source>
            <translation>Son à droite</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Heard</source>
            <translation>Entendu</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Nothing</source>
            <translation>Rien</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Microphone</source>
            <translation>Micro</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Finished</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>I heard the left sound</source>
            <translation>J'ai entendu le son de gauche</translation>
        </message>
        <message>
            <source>I heard nothing on the left</source>
            <translation>Je n'ai rien entendu à gauche</translation>
        </message>
        <message>
            <source>I heard the right sound</source>
            <translation>J'ai entendu le son de droite</translation>
        </message>
        <message>
            <source>I heard nothing on the right</source>
            <translation>Je n'ai rien entendu à droite</translation>
        </message>
        <message>
            <source>Play the %1</source>
            <translation>Jouer le %1</translation>
        </message>
        <message>
            <source>Let the microphone listen</source>
            <translation>Faire écouter le micro</translation>
        </message>
        <message>
            <source>Go on to the next test.</source>
            <translation>Passe au test suivant.</translation>
        </message>
        <message>
            <source>Put the HS label on the sound part.</source>
            <translation>Colle l'étiquette HS sur la partie son.</translation>
        </message>
        <message>
            <source>About</source>
            <translation>À propos</translation>
        </message>
        <message>
            <source>About Établi and its licences</source>
            <translation>À propos d'Établi et de ses licences</translation>
        </message>
    </context>
    <context>
        <name>AudioTestModel</name>
        <message>
            <location filename="../station/audiotestmodel.cpp" line="+49" />
            <source>No loudspeaker found: answer what you heard.</source>
            <translation>Aucun haut-parleur trouvé : dis ce que tu as entendu.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cannot write the test tone: %1</source>
            <translation>Impossible d'écrire le son de test : %1</translation>
        </message>
        <message>
            <location line="+117" />
            <source>The microphone cannot be opened: answer what you heard.</source>
            <translation>Le micro ne s'ouvre pas : dis ce que tu as entendu.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>The microphone did not hear both sounds: answer what you heard.</source>
            <translation>Le micro n'a pas entendu les deux sons : dis ce que tu as entendu.</translation>
        </message>
        <message>
            <source>Both sounds work.</source>
            <translation>Les deux sons marchent.</translation>
        </message>
        <message>
            <source>No sound was heard.</source>
            <translation>Aucun son n'a été entendu.</translation>
        </message>
        <message>
            <source>The left sound does not work.</source>
            <translation>Le son de gauche ne marche pas.</translation>
        </message>
        <message>
            <source>The right sound does not work.</source>
            <translation>Le son de droite ne marche pas.</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>Only the rows of this kind</source>
            <translation>Seulement les lignes de ce genre</translation>
        </message>
        <message>
            <source>The first row given (0: the first)</source>
            <translation>La première ligne donnée (0 : la première)</translation>
        </message>
        <message>
            <source>At most this many rows</source>
            <translation>Au plus ce nombre de lignes</translation>
        </message>
        <message>
            <source>no rows here; %1 in all</source>
            <translation>aucune ligne ici ; %1 en tout</translation>
        </message>
        <message>
            <source>rows %1 to %2 of %3</source>
            <translation>lignes %1 à %2 sur %3</translation>
        </message>
        <message>
            <source>; next page: --offset %1</source>
            <translation> ; page suivante : --offset %1</translation>
        </message>
        <message>
            <location filename="../cli/main.cpp" line="+31" />
            <source>Usage: etabli NOUN VERB [options]  (global: --db PATH --json --station NAME --worker NAME --lang fr|en)</source>
            <translation>Usage : etabli COMMANDE ACTION [options]  (globales : --db CHEMIN --json --station NOM --worker NOM --lang fr|en)</translation>
        </message>
        <message>
            <location line="+84" />
            <source>unknown command «%1»</source>
            <translation>commande inconnue «%1»</translation>
        </message>
        <message>
            <location filename="../cli/cli.cpp" line="+52" />
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
            <location filename="../cli/cli_probe.cpp" line="+37" />
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
        <message>
            <location filename="../cli/cli_label.cpp" line="+127" />
            <source>no inventory</source>
            <translation>pas d'inventaire</translation>
        </message>
        <message>
            <location line="+26" />
            <source>printed, but not recorded on %1: %2</source>
            <translation>imprimée, mais pas enregistrée sur %1 : %2</translation>
        </message>
        <message>
            <location line="+24" />
            <source>--dpi takes a resolution between 100 and 1200 (203, 300…)</source>
            <translation>--dpi attend une résolution entre 100 et 1200 (203, 300…)</translation>
        </message>
        <message>
            <location line="+28" />
            <source>usage: etabli label render TAG... --template NAME [--dpi N] -o FILE.png|FILE.pdf</source>
            <translation>usage : etabli label render TAG... --template NOM [--dpi N] -o FICHIER.png|FICHIER.pdf</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the output file must end in .png or .pdf</source>
            <translation>le fichier de sortie doit finir par .png ou .pdf</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 written (%2, %3 dpi, %4×%5 dots)</source>
            <translation>%1 écrit (%2, %3 dpi, %4×%5 points)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>usage: etabli label print TAG... --template NAME --printer cups:NAME|zpl://HOST:9100|brother-ql://usb|brother-ql://HOST [--dpi N]</source>
            <translation>usage : etabli label print TAG... --template NOM --printer cups:NOM|zpl://HÔTE:9100|brother-ql://usb|brother-ql://HÔTE [--dpi N]</translation>
        </message>
        <message>
            <location line="+28" />
            <location line="+85" />
            <source>label %1 printed on %2</source>
            <translation>étiquette %1 imprimée sur %2</translation>
        </message>
        <message>
            <location line="-67" />
            <source>the label stays queued for reprint (id %1): etabli label reprint %1</source>
            <translation>l'étiquette reste en attente pour être réimprimée (numéro %1) : etabli label reprint %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>and it could not be queued: %1</source>
            <translation>et elle n'a pas pu être mise en attente : %1</translation>
        </message>
        <message numerus="yes">
            <location line="+21" />
            <source>%n attempt(s)</source>
            <translation>
                <numerusform>%n essai</numerusform>
                <numerusform>%n essais</numerusform>
            </translation>
        </message>
        <message>
            <location line="+25" />
            <source>no queued label %1 (see etabli label queue)</source>
            <translation>aucune étiquette %1 en attente (voir etabli label queue)</translation>
        </message>
        <message>
            <location line="+27" />
            <source>label %1 (%2) still queued: %3</source>
            <translation>étiquette %1 (%2) toujours en attente : %3</translation>
        </message>
        <message>
            <location line="+6" />
            <source>no label waits for reprint</source>
            <translation>aucune étiquette n'attend d'être réimprimée</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Label template name (etabli label templates) or FILE.json</source>
            <translation>Nom du modèle d'étiquette (etabli label templates) ou FICHIER.json</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Printer resolution (203, 300…)</source>
            <translation>Résolution de l'imprimante (203, 300…)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Output file (.png or .pdf)</source>
            <translation>Fichier de sortie (.png ou .pdf)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cups:NAME, zpl://HOST:9100, brother-ql://usb or brother-ql://HOST</source>
            <translation>cups:NOM, zpl://HÔTE:9100, brother-ql://usb ou brother-ql://HÔTE</translation>
        </message>
        <message>
            <location line="+17" />
            <source>usage: etabli label templates | render TAG... --template NAME [--dpi N] -o FILE | print TAG... --template NAME --printer URI | queue | reprint [ID...] [--printer URI]</source>
            <translation>usage : etabli label templates | render TAG... --template NOM [--dpi N] -o FICHIER | print TAG... --template NOM --printer URI | queue | reprint [ID...] [--printer URI]</translation>
        </message>
        <message>
            <location filename="../cli/cli_image.cpp" line="+56" />
            <source>Where the records of fully checked masters live</source>
            <translation>Où sont gardés les relevés des masters vérifiés en entier</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Check every range by SHA-256 and record nothing</source>
            <translation>Vérifier chaque plage par SHA-256 et ne rien enregistrer</translation>
        </message>
        <message>
            <location line="+19" />
            <source>warning: %1</source>
            <translation>avertissement : %1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>a master read from stdin needs --manifest</source>
            <translation>un master lu sur stdin demande --manifest</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1; refusing an unverifiable master (--allow-unsigned exists for tests)</source>
            <translation>%1 ; master refusé car impossible à vérifier (--allow-unsigned existe pour les tests)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>WARNING: no manifest for %1, writing it unverified (--allow-unsigned)</source>
            <translation>ATTENTION : pas de manifeste pour %1, écriture sans vérification (--allow-unsigned)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the manifest of %1 is not signed; refusing it (--allow-unsigned exists for tests)</source>
            <translation>le manifeste de %1 n'est pas signé : il est refusé (--allow-unsigned existe pour les tests)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>WARNING: the manifest of %1 is not signed (--allow-unsigned)</source>
            <translation>ATTENTION : le manifeste de %1 n'est pas signé (--allow-unsigned)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>WARNING: no trusted public key, checking the signature against the manifest's own key (--allow-unsigned)</source>
            <translation>ATTENTION : pas de clé publique de confiance, la signature est vérifiée avec la clé du manifeste lui-même (--allow-unsigned)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Master to write</source>
            <translation>Master à écrire</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cluster size in bytes (default 65536)</source>
            <translation>Taille des clusters en octets (65536 par défaut)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compression threads</source>
            <translation>Fils de compression</translation>
        </message>
        <message>
            <location line="+1" />
            <source>zlib level 1-9 (default 6, as QEMU)</source>
            <translation>Niveau zlib 1-9 (6 par défaut, comme QEMU)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Secret key signing the manifest</source>
            <translation>Clé secrète qui signe le manifeste</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Master name for the manifest</source>
            <translation>Nom du master pour le manifeste</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Master version for the manifest</source>
            <translation>Version du master pour le manifeste</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Do not write a manifest</source>
            <translation>Ne pas écrire de manifeste</translation>
        </message>
        <message>
            <location line="+6" />
            <source>usage: etabli image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key K --name N --version V]</source>
            <translation>usage : etabli image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key K --name N --version V]</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the output must differ from the source</source>
            <translation>le fichier de sortie doit être différent de la source</translation>
        </message>
        <message>
            <location line="+39" />
            <source>%1: %2 virtual, %3 on disk, %4 s (%5 MiB/s); manifest %6</source>
            <translation>%1 : %2 virtuels, %3 sur le disque, %4 s (%5 MiB/s) ; manifeste %6</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+396" />
            <source>not written</source>
            <translation>non écrit</translation>
        </message>
        <message>
            <location line="-395" />
            <location line="+128" />
            <source>signed</source>
            <translation>signé</translation>
        </message>
        <message>
            <location line="-127" />
            <source>unsigned</source>
            <translation>non signé</translation>
        </message>
        <message>
            <location line="+13" />
            <source>usage: etabli image keygen BASENAME   (writes BASENAME.key and BASENAME.pub)</source>
            <translation>usage : etabli image keygen NOM   (écrit NOM.key et NOM.pub)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>wrote %1.key (secret, keep it off the benches) and %1.pub</source>
            <translation>%1.key écrit (secret, à garder loin des postes de travail) et %1.pub</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Secret key</source>
            <translation>Clé secrète</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Master name</source>
            <translation>Nom du master</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Master version</source>
            <translation>Version du master</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+47" />
            <source>Hashing threads</source>
            <translation>Fils de calcul des empreintes</translation>
        </message>
        <message>
            <location line="-40" />
            <source>usage: etabli image sign MASTER --key FILE --version V [--name N]</source>
            <translation>usage : etabli image sign MASTER --key FICHIER --version V [--name N]</translation>
        </message>
        <message>
            <location line="+23" />
            <source>signed %1 (%2, sha256 %3)</source>
            <translation>%1 signé (%2, sha256 %3)</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+112" />
            <source>Trusted public key</source>
            <translation>Clé publique de confiance</translation>
        </message>
        <message>
            <location line="-110" />
            <location line="+112" />
            <source>Manifest (default MASTER.manifest.json)</source>
            <translation>Manifeste (MASTER.manifest.json par défaut)</translation>
        </message>
        <message>
            <location line="-109" />
            <source>Accept a missing or unsigned manifest (tests)</source>
            <translation>Accepter un manifeste absent ou non signé (tests)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>usage: etabli image verify MASTER [TARGET...] [--pubkey FILE]</source>
            <translation>usage : etabli image verify MASTER [CIBLE...] [--pubkey FICHIER]</translation>
        </message>
        <message>
            <location line="+10" />
            <source>nothing to verify against: no manifest</source>
            <translation>rien pour vérifier : pas de manifeste</translation>
        </message>
        <message>
            <location line="+21" />
            <source>%1 does not match its manifest from offset %2: damaged or tampered master</source>
            <translation>%1 ne correspond pas à son manifeste à partir de la position %2 : master abîmé ou modifié</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 matches its %2 manifest (%3 %4, sha256 %5)</source>
            <translation>%1 correspond à son manifeste %2 (%3 %4, sha256 %5)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>UNSIGNED</source>
            <translation>NON SIGNÉ</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 holds %2 %3 exactly</source>
            <translation>%1 contient exactement %2 %3</translation>
        </message>
        <message>
            <location line="+16" />
            <source>usage: etabli image info MASTER</source>
            <translation>usage : etabli image info MASTER</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1: %2, %3 bytes virtual</source>
            <translation>%1 : %2, %3 octets virtuels</translation>
        </message>
        <message>
            <location line="+4" />
            <source>, clusters of %1 bytes</source>
            <translation>, clusters de %1 octets</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Read every target back and compare</source>
            <translation>Relire chaque cible et comparer</translation>
        </message>
        <message>
            <location line="+2" />
            <source>zeros|discard|skip for empty ranges (default zeros)</source>
            <translation>zeros|discard|skip pour les zones vides (zeros par défaut)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Accept a missing or unsigned manifest (tests; logged)</source>
            <translation>Accepter un manifeste absent ou non signé (tests ; noté dans le journal)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Serial the target must report (once per target)</source>
            <translation>Numéro de série que la cible doit donner (une fois par cible)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Asset tag to record the run on (once per target)</source>
            <translation>Étiquette du matériel où enregistrer l'écriture (une fois par cible)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Resume journals directory</source>
            <translation>Dossier des journaux de reprise</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Do not journal (no resume)</source>
            <translation>Pas de journal (pas de reprise)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Decoding threads</source>
            <translation>Fils de décodage</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No progress lines</source>
            <translation>Pas de lignes de progression</translation>
        </message>
        <message>
            <location line="+5" />
            <source>usage: etabli image write MASTER TARGET... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]...</source>
            <translation>usage : etabli image write MASTER CIBLE... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]...</translation>
        </message>
        <message>
            <location line="+10" />
            <source>give --confirm-serial once per target, in the same order</source>
            <translation>donnez --confirm-serial une fois par cible, dans le même ordre</translation>
        </message>
        <message>
            <location line="+2" />
            <source>give --asset once per target, in the same order</source>
            <translation>donnez --asset une fois par cible, dans le même ordre</translation>
        </message>
        <message>
            <location line="+54" />
            <source>unknown</source>
            <translation>inconnue</translation>
        </message>
        <message>
            <location line="+50" />
            <source>%1: %2 %3 %4  %5 MiB/s  ETA %6 s</source>
            <translation>%1 : %2 %3 %4  %5 MiB/s  fin dans %6 s</translation>
        </message>
        <message>
            <location line="+58" />
            <source>OK   %1: %2 in %3 s (%4 MiB/s)%5%6</source>
            <translation>OK   %1 : %2 en %3 s (%4 MiB/s)%5%6</translation>
        </message>
        <message>
            <location line="+4" />
            <source>, verified</source>
            <translation>, vérifié</translation>
        </message>
        <message>
            <location line="+2" />
            <source>, resumed after %1</source>
            <translation>, repris après %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>FAIL %1: %2</source>
            <translation>FAIL %1 : %2</translation>
        </message>
        <message>
            <location line="+26" />
            <source>usage: etabli image build|write|verify|keygen|sign|info …</source>
            <translation>usage : etabli image build|write|verify|keygen|sign|info …</translation>
        </message>
        <message>
            <location filename="../cli/cli_probe.cpp" line="+20" />
            <source>Manufacturer: %1 (%2)</source>
            <translation>Fabricant : %1 (%2)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Product code: %1</source>
            <translation>Code produit : %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Serial number: %1</source>
            <translation>Numéro de série : %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Serial (text): %1</source>
            <translation>Numéro de série (texte) : %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name: %1</source>
            <translation>Nom : %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Model year: %1</source>
            <translation>Année du modèle : %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Made: week %1 of %2</source>
            <translation>Fabriqué : semaine %1 de %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Size: %1 cm x %2 cm, %3 inches</source>
            <translation>Taille : %1 cm x %2 cm, %3 pouces</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Preferred mode: %1x%2 at %3 Hz</source>
            <translation>Mode préféré : %1x%2 à %3 Hz</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Warning: %1</source>
            <translation>Attention : %1</translation>
        </message>
        <message>
            <location line="+17" />
            <source>SMBIOS %1, %2 structures</source>
            <translation>SMBIOS %1, %2 structures</translation>
        </message>
        <message>
            <location line="+115" />
            <source>OK: this PC meets the profile «%1»</source>
            <translation>OK : ce PC correspond au profil «%1»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Upgrade needed (profile «%1»):</source>
            <translation>Il faut améliorer ce PC (profil «%1») :</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Read the machine under DIR instead of /</source>
            <translation>Lire la machine dans DOSSIER au lieu de /</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Output format: text, json or glpi</source>
            <translation>Format de sortie : text, json ou glpi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>USB source: auto, libusb or sysfs</source>
            <translation>Source USB : auto, libusb ou sysfs</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Store the result on this asset (asset.updated)</source>
            <translation>Enregistrer le résultat sur ce matériel (asset.updated)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>With --asset: register each USB keyboard and mouse as an asset of its own (same lot)</source>
            <translation>Avec --asset : enregistrer chaque clavier et souris USB comme un matériel à part (même lot)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Minimum-spec profile (JSON file) for probe check</source>
            <translation>Profil de configuration minimale (fichier JSON) pour probe check</translation>
        </message>
        <message>
            <location line="+3" />
            <source>GLPI device id (default: from the serial number)</source>
            <translation>Identifiant GLPI de l'appareil (par défaut : le numéro de série)</translation>
        </message>
        <message>
            <location line="+11" />
            <source>usage: etabli probe [--root DIR] [--format text|json|glpi] [--usb auto|libusb|sysfs] [--asset TAG [--add-peripherals]] | probe check [--root DIR] [--profile FILE] | probe edid FILE | probe smbios FILE</source>
            <translation>usage : etabli probe [--root DOSSIER] [--format text|json|glpi] [--usb auto|libusb|sysfs] [--asset TAG [--add-peripherals]] | probe check [--root DOSSIER] [--profile FICHIER] | probe edid FICHIER | probe smbios FICHIER</translation>
        </message>
        <message>
            <location line="+9" />
            <source>no such directory: %1</source>
            <translation>ce dossier n'existe pas : %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>--usb takes auto, libusb or sysfs</source>
            <translation>--usb attend auto, libusb ou sysfs</translation>
        </message>
        <message>
            <location line="+4" />
            <source>--format takes text, json or glpi</source>
            <translation>--format attend text, json ou glpi</translation>
        </message>
        <message>
            <location line="+22" />
            <source>stored on %1</source>
            <translation>enregistré sur %1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>%1 registered as %2</source>
            <translation>%1 enregistré comme %2</translation>
        </message>
        <message>
            <location filename="../cli/cli_sync.cpp" line="+43" />
            <source>server: %1</source>
            <translation>serveur : %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>pending: %1 event(s) not sent yet</source>
            <translation>en attente : %1 événement(s) pas encore envoyé(s)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last success: %1</source>
            <translation>dernière réussite : %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <location line="+3" />
            <source>last error: %1</source>
            <translation>dernière erreur : %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>set aside: %1 event(s) the server refused, offered again at every sync:</source>
            <translation>mis de côté : %1 événement(s) refusé(s) par le serveur, proposé(s) de nouveau à chaque synchronisation :</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Central server URL (remembered)</source>
            <translation>Adresse du serveur central (gardée en mémoire)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Bearer token of this station (remembered)</source>
            <translation>Jeton (Bearer) de ce poste (gardé en mémoire)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Extra trusted CA certificate (PEM) for a self-signed server</source>
            <translation>Certificat d'autorité (PEM) de confiance en plus, pour un serveur auto-signé</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Tries before giving up, with backoff (default 5)</source>
            <translation>Nombre d'essais avant d'abandonner, avec attente croissante (5 par défaut)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Events per request (default 200)</source>
            <translation>Événements par requête (200 par défaut)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This is the distribution desk: keep beneficiaries (needs a desk token)</source>
            <translation>Ce poste est le bureau de distribution : garder les bénéficiaires (demande un jeton desk)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>usage: etabli sync [run] [--server URL --token T] [--ca FILE] [--attempts N] | sync status</source>
            <translation>usage : etabli sync [run] [--server URL --token T] [--ca FICHIER] [--attempts N] | sync status</translation>
        </message>
        <message>
            <location line="+17" />
            <source>give the server once with --server http(s)://HOST:PORT</source>
            <translation>donnez le serveur une fois avec --server http(s)://HÔTE:PORT</translation>
        </message>
        <message>
            <location line="+2" />
            <source>give this station's token once with --token</source>
            <translation>donnez le jeton de ce poste une fois avec --token</translation>
        </message>
        <message>
            <location line="+10" />
            <source>no PEM certificate in %1</source>
            <translation>aucun certificat PEM dans %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>--attempts must be 1 to 100</source>
            <translation>--attempts doit être entre 1 et 100</translation>
        </message>
        <message>
            <location line="+3" />
            <source>--batch must be 1 to 1000</source>
            <translation>--batch doit être entre 1 et 1000</translation>
        </message>
        <message>
            <location line="+16" />
            <source>sent %1 event(s) (%2 new on the server), received %3 (%4 new here), %5 pending</source>
            <translation>%1 événement(s) envoyé(s) (%2 nouveaux sur le serveur), %3 reçu(s) (%4 nouveaux ici), %5 en attente</translation>
        </message>
        <message>
            <location line="+9" />
            <source>WARNING: %1 event(s) refused by the server are set aside (see «etabli sync status»)</source>
            <translation>ATTENTION : %1 événement(s) refusé(s) par le serveur sont mis de côté (voir «etabli sync status»)</translation>
        </message>
        <message>
            <source>  config get KEY | set KEY VALUE   (tag.prefix, tag.next)</source>
            <translation>  config get CLÉ | set CLÉ VALEUR   (tag.prefix, tag.next)</translation>
        </message>
        <message>
            <source>  donor add NAME [--contact C] | list</source>
            <translation>  donor add NOM [--contact C] | list</translation>
        </message>
        <message>
            <source>  lot add REF [--donor NAME [--new-donor]] [--expected N] [--notes T] | show REF | list</source>
            <translation>  lot add RÉF [--donor NOM [--new-donor]] [--expected N] [--notes T] | show RÉF | list</translation>
        </message>
        <message>
            <source>  asset add --kind pc|screen|keyboard|mouse|speakers|part [--lot L] [--make M] [--model M] [--serial S] [--tag T]
  asset show TAG | list [--state S] | move TAG STATE [--beneficiary B] [--note N]
  asset record TAG TYPE --payload JSON|@FILE | history TAG | check TAG</source>
            <translation>  asset add --kind pc|screen|keyboard|mouse|speakers|part [--lot L] [--make M] [--model M] [--serial S] [--tag T]
  asset show TAG | list [--state S] | move TAG ÉTAT [--beneficiary B] [--note N]
  asset record TAG TYPE --payload JSON|@FICHIER | history TAG | check TAG</translation>
        </message>
        <message>
            <source>  events [--since N] [--limit N]</source>
            <translation>  events [--since N] [--limit N]</translation>
        </message>
        <message>
            <source>  probe [--root DIR] [--format text|json|glpi] [--usb auto|libusb|sysfs]
        [--asset TAG [--add-peripherals]] [--device-id ID]
  probe check [--root DIR] [--profile FILE]   (exit 1: upgrade needed)
  probe edid FILE | probe smbios FILE</source>
            <translation>  probe [--root DOSSIER] [--format text|json|glpi] [--usb auto|libusb|sysfs]
        [--asset TAG [--add-peripherals]] [--device-id ID]
  probe check [--root DOSSIER] [--profile FICHIER]   (code 1 : à mettre à niveau)
  probe edid FICHIER | probe smbios FICHIER</translation>
        </message>
        <message>
            <source>  image write MASTER TARGET... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]... [--certificate FILE.json]... [--pubkey F] [--allow-unsigned] [--no-seal]
  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]
  image verify MASTER [TARGET...] [--pubkey F] | keygen BASENAME | sign MASTER --key F --version V | info MASTER</source>
            <translation>  image write MASTER CIBLE... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]... [--certificate FICHIER.json]... [--pubkey F] [--allow-unsigned] [--no-seal]
  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]
  image verify MASTER [CIBLE...] [--pubkey F] | keygen NOM | sign MASTER --key F --version V | info MASTER</translation>
        </message>
        <message>
            <source>  label templates | render TAG... --template NAME [--dpi N] -o FILE.png|FILE.pdf
  label print TAG... --template NAME --printer cups:NAME|zpl://HOST:9100|brother-ql://usb|brother-ql://HOST [--dpi N]
  label queue | reprint [ID...] [--printer URI]</source>
            <translation>  label templates | render TAG... --template NOM [--dpi N] -o FICHIER.png|FICHIER.pdf
  label print TAG... --template NOM --printer cups:NOM|zpl://HÔTE:9100|brother-ql://usb|brother-ql://HÔTE [--dpi N]
  label queue | reprint [ID...] [--printer URI]</translation>
        </message>
        <message>
            <source>  sync [--server URL --token T] [--ca FILE] [--attempts N] [--desk] | sync status</source>
            <translation>  sync [--server URL --token T] [--ca FICHIER] [--attempts N] [--desk] | sync status</translation>
        </message>
        <message>
            <source>settings of this inventory (tag prefix, next tag)</source>
            <translation>réglages de cet inventaire (préfixe des tags, prochain tag)</translation>
        </message>
        <message>
            <source>the companies that give the PCs</source>
            <translation>les entreprises qui donnent les PC</translation>
        </message>
        <message>
            <source>the intake batches, one donor each</source>
            <translation>les lots reçus, un donateur chacun</translation>
        </message>
        <message>
            <source>PCs and peripherals: add, show, list, move through the lifecycle, record results</source>
            <translation>PC et périphériques : ajouter, voir, lister, faire avancer dans le cycle de vie, enregistrer des résultats</translation>
        </message>
        <message>
            <source>the log of every change made in this inventory</source>
            <translation>le journal de tous les changements de cet inventaire</translation>
        </message>
        <message>
            <source>read what hardware a PC has (into an asset)</source>
            <translation>lire le matériel d'un PC (et le noter sur sa fiche)</translation>
        </message>
        <message>
            <source>test RAM, disk, sound, keyboard, mouse, screen</source>
            <translation>tester mémoire, disque, son, clavier, souris, écran</translation>
        </message>
        <message>
            <source>sign, check and write the school master to disks</source>
            <translation>signer, vérifier et écrire le master de l'école sur les disques</translation>
        </message>
        <message>
            <source>draw and print asset labels</source>
            <translation>dessiner et imprimer les étiquettes</translation>
        </message>
        <message>
            <source>exchange changes with the central server</source>
            <translation>échanger les changements avec le serveur central</translation>
        </message>
        <message>
            <source>Donor name (an existing donor)</source>
            <translation>Nom du donateur (un donateur existant)</translation>
        </message>
        <message>
            <source>Create the donor named by --donor if it does not exist</source>
            <translation>Créer le donateur nommé par --donor s'il n'existe pas</translation>
        </message>
        <message>
            <source>no donor «%1» (known: %2); add --new-donor to create it</source>
            <translation>aucun donateur «%1» (connus : %2) ; ajoutez --new-donor pour le créer</translation>
        </message>
        <message>
            <source>no donor «%1»: did you mean «%2»?</source>
            <translation>aucun donateur «%1» : vouliez-vous dire «%2» ?</translation>
        </message>
        <message>
            <source>usage: etabli lot add REF [--donor NAME [--new-donor]] [--expected N] [--notes T] | show REF | list</source>
            <translation>usage : etabli lot add RÉF [--donor NOM [--new-donor]] [--expected N] [--notes T] | show RÉF | list</translation>
        </message>
        <message>
            <source>unknown state «%1» (one of %2)</source>
            <translation>état inconnu «%1» (un de %2)</translation>
        </message>
        <message>
            <source>unknown verb «%1» for «%2» (one of %3)</source>
            <translation>action inconnue «%1» pour «%2» (une de %3)</translation>
        </message>
        <message>
            <source>%1: %2 %3, serial %4</source>
            <translation>%1 : %2 %3, numéro de série %4</translation>
        </message>
        <message>
            <source>no firmware commands: %1</source>
            <translation>pas de commandes internes : %1</translation>
        </message>
        <message>
            <source>auto would use: %1 (%2)</source>
            <translation>auto utiliserait : %1 (%2)</translation>
        </message>
        <message>
            <source>Disk to erase (a block device, or a regular file for tests)</source>
            <translation>Disque à effacer (un périphérique bloc, ou un fichier pour les tests)</translation>
        </message>
        <message>
            <source>clear (overwrite), purge (firmware erase) or auto</source>
            <translation>clear (réécriture), purge (effacement interne) ou auto</translation>
        </message>
        <message>
            <source>zeros or random (default zeros)</source>
            <translation>zeros ou random (zeros par défaut)</translation>
        </message>
        <message>
            <source>full or sample (default full)</source>
            <translation>full ou sample (full par défaut)</translation>
        </message>
        <message>
            <source>Write the signed certificate there</source>
            <translation>Écrire le certificat signé à cet endroit</translation>
        </message>
        <message>
            <source>Record the erasure on this asset</source>
            <translation>Enregistrer l'effacement sur ce matériel</translation>
        </message>
        <message>
            <source>The disk's serial number, as read on its label</source>
            <translation>Le numéro de série du disque, lu sur son étiquette</translation>
        </message>
        <message>
            <source>Remove a hidden area (HPA/DCO) before erasing</source>
            <translation>Retirer une zone cachée (HPA/DCO) avant d'effacer</translation>
        </message>
        <message>
            <source>Workshop name on the certificate (default $ETABLI_WORKSHOP)</source>
            <translation>Nom de l'atelier sur le certificat ($ETABLI_WORKSHOP par défaut)</translation>
        </message>
        <message>
            <source>Folder of the station's signing key</source>
            <translation>Dossier de la clé de signature du poste</translation>
        </message>
        <message>
            <source>Seed of the sample plan (default random)</source>
            <translation>Graine du plan d'échantillonnage (aléatoire par défaut)</translation>
        </message>
        <message>
            <source>Show what the drive offers and what auto would do; write nothing</source>
            <translation>Montrer ce que propose le disque et ce que ferait auto ; ne rien écrire</translation>
        </message>
        <message>
            <source>usage: etabli wipe DEVICE --method clear|purge|auto [--pattern zeros|random] [--verify full|sample] [--certificate FILE.json] [--asset TAG] [--confirm-serial S]</source>
            <translation>usage : etabli wipe DISQUE --method clear|purge|auto [--pattern zeros|random] [--verify full|sample] [--certificate FICHIER.json] [--asset ÉTIQUETTE] [--confirm-serial S]</translation>
        </message>
        <message>
            <source>--method is required: clear, purge or auto</source>
            <translation>--method est obligatoire : clear, purge ou auto</translation>
        </message>
        <message>
            <source>--verify must be full or sample</source>
            <translation>--verify doit valoir full ou sample</translation>
        </message>
        <message>
            <source>--sample-seed must be a positive integer</source>
            <translation>--sample-seed doit être un entier positif</translation>
        </message>
        <message>
            <source>%1 %2 %  %3 MiB/s</source>
            <translation>%1 %2 %  %3 Mio/s</translation>
        </message>
        <message>
            <source>%1: %2 (%3), %4 bytes, pattern %5, verification %6: %7</source>
            <translation>%1 : %2 (%3), %4 octets, motif %5, vérification %6 : %7</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>réussie</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>ÉCHEC</translation>
        </message>
        <message>
            <source>write %1 MiB/s, verify %2 MiB/s</source>
            <translation>écriture %1 Mio/s, vérification %2 Mio/s</translation>
        </message>
        <message>
            <source>sample plan: %1</source>
            <translation>plan d'échantillonnage : %1</translation>
        </message>
        <message>
            <source>certificate %1%2</source>
            <translation>certificat %1%2</translation>
        </message>
        <message>
            <source>recorded on %1</source>
            <translation>enregistré sur %1</translation>
        </message>
        <message>
            <source>  wipe DEVICE --method clear|purge|auto [--pattern zeros|random] [--verify full|sample] [--certificate FILE.json] [--asset TAG] [--confirm-serial S] [--restore-hidden] [--dry-run]</source>
            <translation>  wipe DISQUE --method clear|purge|auto [--pattern zeros|random] [--verify full|sample] [--certificate FICHIER.json] [--asset TAG] [--confirm-serial S] [--restore-hidden] [--dry-run]</translation>
        </message>
        <message>
            <source>Address printed on each page to check a certificate (default $ETABLI_CERTIFICATE_CHECK_URL)</source>
            <translation>Adresse imprimée sur chaque page pour vérifier un certificat ($ETABLI_CERTIFICATE_CHECK_URL par défaut)</translation>
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <source>Fail unless the workshop endorsed the station's key</source>
            <translation>Échouer si la clé du poste n'est pas reconnue par l'atelier</translation>
        </message>
        <message>
            <source>The workshop's public key (default $ETABLI_WORKSHOP_PUBKEY or /etc/etabli/workshop.pub)</source>
            <translation>La clé publique de l'atelier ($ETABLI_WORKSHOP_PUBKEY ou /etc/etabli/workshop.pub par défaut)</translation>
        </message>
        <message>
            <source>usage: etabli certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]</source>
            <translation>usage : etabli certificate verify FICHIER.json [--require-endorsed] [--workshop-key PUB]</translation>
        </message>
        <message>
            <source>no workshop key at %1</source>
            <translation>pas de clé d'atelier à %1</translation>
        </message>
        <message>
            <source>certificate %1: signature valid (station key %2)</source>
            <translation>certificat %1 : signature valide (clé du poste %2)</translation>
        </message>
        <message>
            <source>endorsed by the workshop key %1</source>
            <translation>reconnu par la clé de l'atelier %1</translation>
        </message>
        <message>
            <source>not endorsed: %1</source>
            <translation>non reconnu : %1</translation>
        </message>
        <message>
            <source>refused: %1</source>
            <translation>refusé : %1</translation>
        </message>
        <message>
            <source>The workshop's certification secret key</source>
            <translation>La clé secrète de certification de l'atelier</translation>
        </message>
        <message>
            <source>Endorsement file to write</source>
            <translation>Fichier de reconnaissance à écrire</translation>
        </message>
        <message>
            <source>usage: etabli certificate endorse STATION.pub --key WORKSHOP.key -o ENDORSEMENT.json</source>
            <translation>usage : etabli certificate endorse POSTE.pub --key ATELIER.key -o RECONNAISSANCE.json</translation>
        </message>
        <message>
            <source>endorsement written to %1</source>
            <translation>reconnaissance écrite dans %1</translation>
        </message>
        <message>
            <source>usage: etabli certificate install-endorsement ENDORSEMENT.json</source>
            <translation>usage : etabli certificate install-endorsement RECONNAISSANCE.json</translation>
        </message>
        <message>
            <source>endorsement installed</source>
            <translation>reconnaissance installée</translation>
        </message>
        <message>
            <source>Folder to write</source>
            <translation>Dossier à écrire</translation>
        </message>
        <message>
            <source>usage: etabli certificate bundle --lot L -o DIR</source>
            <translation>usage : etabli certificate bundle --lot L -o DOSSIER</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>impossible de créer %1</translation>
        </message>
        <message>
            <source>lot %1: %2 certificates (%3 verified) of %4 assets written to %5</source>
            <translation>lot %1 : %2 certificats (%3 vérifiés) pour %4 matériels écrits dans %5</translation>
        </message>
        <message>
            <source>PDF file to write</source>
            <translation>Fichier PDF à écrire</translation>
        </message>
        <message>
            <source>usage: etabli certificate pdf FILE.json... -o OUT.pdf [--check-url URL]</source>
            <translation>usage : etabli certificate pdf FICHIER.json... -o SORTIE.pdf [--check-url URL]</translation>
        </message>
        <message>
            <source>%1 certificate(s) written to %2</source>
            <translation>%1 certificat(s) écrit(s) dans %2</translation>
        </message>
        <message>
            <source>unknown certificate verb «%1»</source>
            <translation>verbe de certificate inconnu «%1»</translation>
        </message>
        <message>
            <source>  certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DIR [--check-url URL] | pdf FILE.json... -o OUT.pdf
  certificate station-key | endorse STATION.pub --key WORKSHOP.key -o FILE | install-endorsement FILE</source>
            <translation>  certificate verify FICHIER.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DOSSIER [--check-url URL] | pdf FICHIER.json... -o SORTIE.pdf
  certificate station-key | endorse POSTE.pub --key ATELIER.key -o FICHIER | install-endorsement FICHIER</translation>
        </message>
        <message>
            <source>no file %1</source>
            <translation>aucun fichier %1</translation>
        </message>
        <message>
            <source>%1: %2, separator «%3»</source>
            <translation>%1 : %2, séparateur «%3»</translation>
        </message>
        <message>
            <source>  line %1: %2</source>
            <translation>  ligne %1 : %2</translation>
        </message>
        <message>
            <source>nothing imported: %1 line(s) to fix, %2 valid</source>
            <translation>rien n'est importé : %1 ligne(s) à corriger, %2 valide(s)</translation>
        </message>
        <message>
            <source>dry run: %1 pupil(s) would be imported, nothing stored</source>
            <translation>essai : %1 élève(s) seraient importé(s), rien n'est enregistré</translation>
        </message>
        <message>
            <source>%1 pupil(s) imported; «etabli sync --desk» takes them to the server</source>
            <translation>%1 élève(s) importé(s) ; «etabli sync --desk» les envoie au serveur</translation>
        </message>
        <message>
            <source>etabli: %1 line(s) refused, nothing imported</source>
            <translation>etabli : %1 ligne(s) refusée(s), rien n'est importé</translation>
        </message>
        <message>
            <source>%1 beneficiary(ies)</source>
            <translation>%1 bénéficiaire(s)</translation>
        </message>
        <message>
            <source>Check the file and print the report; store nothing</source>
            <translation>Vérifier le fichier et afficher le rapport, sans rien enregistrer</translation>
        </message>
        <message>
            <source>usage: etabli desk import FILE.csv [--dry-run] [--json] | desk beneficiaries [--json]</source>
            <translation>usage : etabli desk import FICHIER.csv [--dry-run] [--json] | desk beneficiaries [--json]</translation>
        </message>
        <message>
            <source>erase a disk and prove it: overwrite or firmware purge, verified</source>
            <translation>effacer un disque et le prouver : réécriture ou purge par le disque, vérifiée</translation>
        </message>
        <message>
            <source>check, bundle and print the signed erasure certificates for the donors</source>
            <translation>vérifier, regrouper et imprimer les certificats d'effacement signés pour les donateurs</translation>
        </message>
        <message>
            <source>the distribution desk: import the schools' pupil lists</source>
            <translation>l'accueil de distribution : importer les listes d'élèves des écoles</translation>
        </message>
        <message>
            <source>  desk import FILE.csv [--dry-run] | desk beneficiaries   (the distribution desk)</source>
            <translation>  desk import FICHIER.csv [--dry-run] | desk beneficiaries   (l'accueil de distribution)</translation>
        </message>
        <message>
            <source>give --certificate once per target, in the same order</source>
            <translation>donnez --certificate une fois par cible, dans le même ordre</translation>
        </message>
        <message>
            <source>Where to write the erasure certificate of a disk zero-filled and verified (once per target)</source>
            <translation>Où écrire le certificat d'effacement d'un disque rempli de zéros et vérifié (une fois par cible)</translation>
        </message>
        <message>
            <source>  certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DIR [--check-url URL] | pdf FILE.json... -o OUT.pdf
  certificate station-key | endorse STATION.pub --key WORKSHOP.key -o FILE | install-endorsement FILE
  certificate check CERT_ID|TAG --checker BADGE [--reread DEVICE] | unchecked</source>
            <translation>  certificate verify FICHIER.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DOSSIER [--check-url URL] | pdf FICHIER.json... -o SORTIE.pdf
  certificate station-key | endorse POSTE.pub --key ATELIER.key -o FICHIER | install-endorsement FICHIER
  certificate check ID_CERT|ÉTIQUETTE --checker BADGE [--reread DISQUE] | unchecked</translation>
        </message>
        <message>
            <source>Badge of the worker who checks (not the one who erased)</source>
            <translation>Badge de la personne qui contrôle (pas celle qui a effacé)</translation>
        </message>
        <message>
            <source>Re-read 100 random sectors of this disk first</source>
            <translation>Relire d'abord 100 secteurs au hasard de ce disque</translation>
        </message>
        <message>
            <source>How many sectors to re-read (default 100)</source>
            <translation>Nombre de secteurs à relire (100 par défaut)</translation>
        </message>
        <message>
            <source>Seed of the re-read sectors (default: fresh)</source>
            <translation>Graine des secteurs relus (par défaut : nouvelle)</translation>
        </message>
        <message>
            <source>usage: etabli certificate check CERT_ID|TAG --checker BADGE [--reread DEVICE]</source>
            <translation>usage : etabli certificate check ID_CERT|ÉTIQUETTE --checker BADGE [--reread DISQUE]</translation>
        </message>
        <message>
            <source>--sectors must be a whole number from 1 to 100000</source>
            <translation>--sectors doit être un nombre entier de 1 à 100000</translation>
        </message>
        <message>
            <source>--seed must be a positive whole number</source>
            <translation>--seed doit être un nombre entier positif</translation>
        </message>
        <message>
            <source>%1 sectors of %2 re-read (seed %3): all zeros</source>
            <translation>%1 secteurs de %2 relus (graine %3) : tous à zéro</translation>
        </message>
        <message>
            <source>erasure %1 of %2 checked by %3 (erased by %4)</source>
            <translation>effacement %1 de %2 contrôlé par %3 (effacé par %4)</translation>
        </message>
        <message>
            <source>usage: etabli certificate unchecked [--json]</source>
            <translation>usage : etabli certificate unchecked [--json]</translation>
        </message>
        <message>
            <source>%1 erasure(s) to be checked by a second person</source>
            <translation>%1 effacement(s) à faire contrôler par une deuxième personne</translation>
        </message>
        <message>
            <source>Folder of the station's signing key, endorsed by the server at enrolment</source>
            <translation>Dossier de la clé de signature du poste, approuvée par le serveur à l'inscription</translation>
        </message>
        <message>
            <source>WARNING: no station key to endorse: %1</source>
            <translation>ATTENTION : pas de clé de poste à faire approuver : %1</translation>
        </message>
        <message>
            <source>WARNING: the station key was not endorsed: %1</source>
            <translation>ATTENTION : la clé du poste n'a pas été approuvée : %1</translation>
        </message>
        <message>
            <source>the workshop endorsed this station's signing key</source>
            <translation>l'atelier a approuvé la clé de signature de ce poste</translation>
        </message>
        <message>
            <source>Ask the central server (every station's erasures)</source>
            <translation>Demander au serveur central (les effacements de tous les postes)</translation>
        </message>
        <message>
            <source>A supervisor token of that server</source>
            <translation>Un jeton superviseur de ce serveur</translation>
        </message>
        <message>
            <source>usage: etabli certificate unchecked [--server URL --token T [--ca FILE]] [--json]</source>
            <translation>usage : etabli certificate unchecked [--server URL --token JETON [--ca FICHIER]] [--json]</translation>
        </message>
        <message>
            <source>cannot reach %1: %2</source>
            <translation>impossible de joindre %1 : %2</translation>
        </message>
        <message>
            <source>the server refused the token: %1</source>
            <translation>le serveur a refusé le jeton : %1</translation>
        </message>
        <message>
            <source>the server answered %1: %2</source>
            <translation>le serveur a répondu %1 : %2</translation>
        </message>
        <message>
            <source>  sync [--server URL --token T] [--ca FILE] [--attempts N] [--desk] [--station-key-dir DIR] | sync status</source>
            <translation>  sync [--server URL --token T] [--ca FICHIER] [--attempts N] [--desk] [--station-key-dir DOSSIER] | sync status</translation>
        </message>
        <message>
            <source>  certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DIR [--check-url URL] | pdf FILE.json... -o OUT.pdf
  certificate station-key | endorse STATION.pub --key WORKSHOP.key -o FILE | install-endorsement FILE
  certificate check CERT_ID|TAG --checker BADGE [--reread DEVICE]
  certificate unchecked [--server URL --token T]</source>
            <translation>  certificate verify FICHIER.json [--require-endorsed] [--workshop-key PUB]
  certificate bundle --lot L -o DOSSIER [--check-url URL] | pdf FICHIER.json... -o SORTIE.pdf
  certificate station-key | endorse POSTE.pub --key ATELIER.key -o FICHIER | install-endorsement FICHIER
  certificate check ID_CERT|ÉTIQUETTE --checker BADGE [--reread DISQUE]
  certificate unchecked [--server URL --token JETON]</translation>
        </message>
        <message>
            <source>Station token for an https:// master (default: the sync token)</source>
            <translation>Jeton du poste pour un master https:// (par défaut : celui de la synchronisation)</translation>
        </message>
        <message>
            <source>Trusted CA certificate (PEM) of the server (default: sync.ca)</source>
            <translation>Certificat d'autorité (PEM) du serveur (par défaut : sync.ca)</translation>
        </message>
        <message>
            <source>Give up after this long without data (default 60 seconds)</source>
            <translation>Abandonner après ce temps sans données (par défaut 60 secondes)</translation>
        </message>
        <message>
            <source>Range requests in flight (default 4)</source>
            <translation>Demandes de plages en parallèle (par défaut 4)</translation>
        </message>
        <message>
            <source>a master on the network needs this station's token: --token, or «etabli sync --token» once</source>
            <translation>un master sur le réseau demande le jeton de ce poste : --token, ou une fois « etabli sync --token »</translation>
        </message>
        <message>
            <source>--stall-timeout takes 1 to 3600 seconds</source>
            <translation>--stall-timeout prend de 1 à 3600 secondes</translation>
        </message>
        <message>
            <source>--connections takes 1 to 32</source>
            <translation>--connections prend de 1 à 32</translation>
        </message>
        <message>
            <source>Multicast group and port, e.g. 239.19.0.1:5019</source>
            <translation>Groupe multicast et port, par exemple 239.19.0.1:5019</translation>
        </message>
        <message>
            <source>Sending rate (default 500 Mbit/s)</source>
            <translation>Débit d'envoi (par défaut 500 Mbit/s)</translation>
        </message>
        <message>
            <source>Passes over the master (default 0: until stopped)</source>
            <translation>Passages sur le master (par défaut 0 : jusqu'à l'arrêt)</translation>
        </message>
        <message>
            <source>usage: etabli image serve-multicast MASTER.qcow2 --group GROUP:PORT [--rate-mbit N] [--floor-mbit N] [--cycles N]</source>
            <translation>usage : etabli image serve-multicast MASTER.qcow2 --group GROUPE:PORT [--rate-mbit N] [--floor-mbit N] [--cycles N]</translation>
        </message>
        <message>
            <source>Slowest rate for a slow receiver; below it, the receiver leaves the group for unicast (default: a quarter of --rate-mbit)</source>
            <translation>Débit le plus bas consenti à un récepteur lent ; en dessous, il quitte le groupe pour l'unicast (par défaut : un quart de --rate-mbit)</translation>
        </message>
        <message>
            <source>A local copy of this master or of an older version (file, disk, USB stick; default: the setting masters.cache): only what differs is fetched</source>
            <translation>Une copie locale de ce master ou d'une version plus ancienne (fichier, disque, clé USB ; par défaut : le réglage masters.cache) : seul ce qui diffère est téléchargé</translation>
        </message>
        <message>
            <source>--cache: no such file or disk: %1</source>
            <translation>--cache : fichier ou disque introuvable : %1</translation>
        </message>
        <message>
            <source>--cache is for a master on the network</source>
            <translation>--cache ne sert que pour un master sur le réseau</translation>
        </message>
        <message>
            <source>usage: etabli image serve-multicast MASTER.qcow2 --group GROUP:PORT [--rate-mbit N] [--cycles N]</source>
            <translation>usage : etabli image serve-multicast MASTER.qcow2 --group GROUPE:PORT [--rate-mbit N] [--cycles N]</translation>
        </message>
        <message>
            <source>cycle %1: %2 sent</source>
            <translation>passage %1 : %2 envoyés</translation>
        </message>
        <message>
            <source>worker, supervisor or desk (default worker)</source>
            <translation>worker, supervisor ou desk (worker par défaut)</translation>
        </message>
        <message>
            <source>A JPEG or PNG photo for the login tile</source>
            <translation>Une photo JPEG ou PNG pour la connexion</translation>
        </message>
        <message>
            <source>Text size, 1 to 2 (default 1)</source>
            <translation>Taille du texte, de 1 à 2 (1 par défaut)</translation>
        </message>
        <message>
            <source>Do not read the screens aloud</source>
            <translation>Ne pas lire les écrans à voix haute</translation>
        </message>
        <message>
            <source>Use the high-contrast colours</source>
            <translation>Utiliser les couleurs à fort contraste</translation>
        </message>
        <message>
            <source>full or short (default full)</source>
            <translation>full ou short (full par défaut)</translation>
        </message>
        <message>
            <source>Also list the workers who left</source>
            <translation>Lister aussi les personnes parties</translation>
        </message>
        <message>
            <source>usage: etabli worker add BADGE NAME [--role ROLE] [--photo FILE] [--text-scale N] [--no-voice] [--high-contrast] [--guidance full|short] | worker list [--all] [--json]</source>
            <translation>usage : etabli worker add BADGE NOM [--role RÔLE] [--photo FICHIER] [--text-scale N] [--no-voice] [--high-contrast] [--guidance full|short] | worker list [--all] [--json]</translation>
        </message>
        <message>
            <source>  (left)</source>
            <translation>  (partie)</translation>
        </message>
        <message>
            <source>%1 worker(s)</source>
            <translation>%1 personne(s)</translation>
        </message>
        <message>
            <source>--text-scale must be a number from 1 to 2</source>
            <translation>--text-scale doit être un nombre de 1 à 2</translation>
        </message>
        <message>
            <source>--guidance must be full or short</source>
            <translation>--guidance doit être full ou short</translation>
        </message>
        <message>
            <source>worker %1 added: %2 (%3)</source>
            <translation>personne %1 ajoutée : %2 (%3)</translation>
        </message>
        <message>
            <source>the workers who log in at a bench by badge or photo</source>
            <translation>les personnes qui se connectent à un poste par badge ou photo</translation>
        </message>
        <message>
            <source>  worker add BADGE NAME [--role ROLE] [--photo FILE] | worker list [--all]</source>
            <translation>  worker add BADGE NOM [--role RÔLE] [--photo FICHIER] | worker list [--all]</translation>
        </message>
        <message>
            <source>%1 added (%2)</source>
            <translation>%1 ajouté (%2)</translation>
        </message>
        <message>
            <source>%1 family(ies) due for purge (retention %2 days), nothing erased</source>
            <translation>%1 famille(s) à purger (conservation %2 jours), rien n'est effacé</translation>
        </message>
        <message>
            <source>%1 family(ies) purged (retention %2 days)</source>
            <translation>%1 famille(s) purgée(s) (conservation %2 jours)</translation>
        </message>
        <message>
            <source>%1 handed over to %2: %3</source>
            <translation>%1 remis à %2 : %3</translation>
        </message>
        <message>
            <source>%1 returned (%2)</source>
            <translation>%1 rendu (%2)</translation>
        </message>
        <message>
            <source>%1 returned (%2); %3 handed over instead</source>
            <translation>%1 rendu (%2) ; %3 remis à la place</translation>
        </message>
        <message>
            <source>%1 voucher(s) for %2 in %3</source>
            <translation>%1 bon(s) pour %2 dans %3</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>%1: %2 on %3</source>
            <translation>%1 : %2 le %3</translation>
        </message>
        <message>
            <source>--as-of is a date such as 2030-01-01</source>
            <translation>--as-of est une date comme 2030-01-01</translation>
        </message>
        <message>
            <source>--date is a date such as 2027-03-01</source>
            <translation>--date est une date comme 2027-03-01</translation>
        </message>
        <message>
            <source>--first is a date and time such as 2027-01-12T09:00</source>
            <translation>--first est une date et une heure comme 2027-01-12T09:00</translation>
        </message>
        <message>
            <source>--kind is family, teacher or association</source>
            <translation>--kind vaut family, teacher ou association</translation>
        </message>
        <message>
            <source>--retention-days is a whole number of days</source>
            <translation>--retention-days est un nombre entier de jours</translation>
        </message>
        <message>
            <source>A note</source>
            <translation>Une note</translation>
        </message>
        <message>
            <source>A warning staff confirm: no_speakers, other_lot</source>
            <translation>Une alerte que l'équipe confirme : no_speakers, other_lot</translation>
        </message>
        <message>
            <source>Also print the receipt on this CUPS printer (lp -d)</source>
            <translation>Imprimer aussi le reçu sur cette imprimante CUPS (lp -d)</translation>
        </message>
        <message>
            <source>Amount paid in euros (default 60)</source>
            <translation>Montant payé en euros (60 par défaut)</translation>
        </message>
        <message>
            <source>Check and print; store nothing</source>
            <translation>Vérifier et afficher ; ne rien enregistrer</translation>
        </message>
        <message>
            <source>File to write</source>
            <translation>Fichier à écrire</translation>
        </message>
        <message>
            <source>First appointment (2027-01-12T09:00)</source>
            <translation>Premier rendez-vous (2027-01-12T09:00)</translation>
        </message>
        <message>
            <source>Minutes between two appointments (default 15)</source>
            <translation>Minutes entre deux rendez-vous (15 par défaut)</translation>
        </message>
        <message>
            <source>Only this beneficiary</source>
            <translation>Seulement ce bénéficiaire</translation>
        </message>
        <message>
            <source>Phone or e-mail</source>
            <translation>Téléphone ou courriel</translation>
        </message>
        <message>
            <source>Proof of the internet subscription received</source>
            <translation>Preuve d'abonnement internet reçue</translation>
        </message>
        <message>
            <source>Purge as on this date (default today)</source>
            <translation>Purger comme à cette date (aujourd'hui par défaut)</translation>
        </message>
        <message>
            <source>Set the retention after the loan ends (default 365)</source>
            <translation>Régler la conservation après la fin du prêt (365 par défaut)</translation>
        </message>
        <message>
            <source>The date (default today)</source>
            <translation>La date (aujourd'hui par défaut)</translation>
        </message>
        <message>
            <source>The person's or association's name</source>
            <translation>Le nom de la personne ou de l'association</translation>
        </message>
        <message>
            <source>The replacement handed over in the same visit</source>
            <translation>Le remplaçant remis pendant la même visite</translation>
        </message>
        <message>
            <source>The school</source>
            <translation>L'école</translation>
        </message>
        <message>
            <source>The signature's strokes (JSON)</source>
            <translation>Les traits de la signature (JSON)</translation>
        </message>
        <message>
            <source>The staff member who witnessed (the person cannot sign)</source>
            <translation>Le membre de l'équipe témoin (la personne ne peut pas signer)</translation>
        </message>
        <message>
            <source>Training site</source>
            <translation>Lieu de la formation</translation>
        </message>
        <message>
            <source>Where the desk is</source>
            <translation>Où se trouve le guichet</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Write the receipt PDF</source>
            <translation>Écrire le reçu en PDF</translation>
        </message>
        <message>
            <source>Write the return slip PDF</source>
            <translation>Écrire le bon de retour en PDF</translation>
        </message>
        <message>
            <source>cannot print: «lp» (CUPS) is not installed; the PDF is %1</source>
            <translation>impression impossible : «lp» (CUPS) n'est pas installé ; le PDF est %1</translation>
        </message>
        <message>
            <source>cannot read the signature %1</source>
            <translation>impossible de lire la signature %1</translation>
        </message>
        <message>
            <source>completed</source>
            <translation>terminée</translation>
        </message>
        <message>
            <source>family, teacher or association</source>
            <translation>family, teacher ou association</translation>
        </message>
        <message>
            <source>not paid</source>
            <translation>non payée</translation>
        </message>
        <message>
            <source>receipt: %1</source>
            <translation>reçu : %1</translation>
        </message>
        <message>
            <source>the personal data of %1 is erased</source>
            <translation>les données personnelles de %1 sont effacées</translation>
        </message>
        <message>
            <source>the printer %1 refused the receipt: %2</source>
            <translation>l'imprimante %1 a refusé le reçu : %2</translation>
        </message>
        <message>
            <source>the signature %1 is not a JSON object: %2</source>
            <translation>la signature %1 n'est pas un objet JSON : %2</translation>
        </message>
        <message>
            <source>this inventory is not the distribution desk's</source>
            <translation>cet inventaire n'est pas celui du guichet de distribution</translation>
        </message>
        <message>
            <source>warranty until %1; internet grant to request by %2</source>
            <translation>garantie jusqu'au %1 ; aide internet à demander avant le %2</translation>
        </message>
        <message>
            <source>the distribution desk: pupils, vouchers, handovers, grants, training, returns</source>
            <translation>l'accueil de distribution : élèves, bons, remises, aides, formation, retours</translation>
        </message>
        <message>
            <source>the council's bilan, the figures and what needs attention</source>
            <translation>le bilan pour la mairie, les chiffres et ce qui demande de l'attention</translation>
        </message>
        <message>
            <source>workers, workshop settings and tokens (supervisor)</source>
            <translation>les personnes, les réglages de l'atelier et les jetons (encadrant)</translation>
        </message>
        <message>
            <source>  image write MASTER TARGET... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]... [--certificate FILE.json]... [--pubkey F] [--allow-unsigned] [--no-seal]
  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]
  image verify MASTER [TARGET...] [--pubkey F] | keygen BASENAME | sign MASTER --key F --version V | info MASTER
  image write https://SERVER/api/v1/masters/NAME.qcow2 TARGET... [--token T] [--ca CA.pem] [--stall-timeout S]
  image write multicast://GROUP:PORT?master=URL TARGET... | serve-multicast MASTER --group GROUP:PORT [--rate-mbit N] [--cycles N]</source>
            <translation>  image write MASTER CIBLE... [--verify] [--fill zeros|discard|skip] [--confirm-serial S]... [--asset TAG]... [--certificate FICHIER.json]... [--pubkey F] [--allow-unsigned] [--no-seal]
  image build SOURCE -o MASTER.qcow2 [--cluster-size N] [--key F --name N --version V]
  image verify MASTER [CIBLE...] [--pubkey F] | keygen NOM_DE_BASE | sign MASTER --key F --version V | info MASTER
  image write https://SERVEUR/api/v1/masters/NOM.qcow2 CIBLE... [--token JETON] [--ca AC.pem] [--stall-timeout S]
  image write multicast://GROUPE:PORT?master=URL CIBLE... | serve-multicast MASTER --group GROUPE:PORT [--rate-mbit N] [--cycles N]</translation>
        </message>
        <message>
            <source>  desk import FILE.csv [--dry-run] | beneficiaries | add REF --kind K
  desk vouchers --school S -o FILE.pdf | handover VOUCHER TAG… [--witness NAME | --signature FILE.json] [--receipt FILE.pdf]
  desk grant request|paid REF | training enrol|attend REF [N] | return TAG --reason R [--swap NEWTAG]
  desk purge [--dry-run] | export REF | erase REF | audit   (the distribution desk)</source>
            <translation>  desk import FICHIER.csv [--dry-run] | beneficiaries | add RÉF --kind GENRE
  desk vouchers --school ÉCOLE -o FICHIER.pdf | handover BON TAG… [--witness NOM | --signature FICHIER.json] [--receipt FICHIER.pdf]
  desk grant request|paid RÉF | training enrol|attend RÉF [N] | return TAG --reason MOTIF [--swap NOUVEAU_TAG]
  desk purge [--dry-run] | export RÉF | erase RÉF | audit   (l'accueil de distribution)</translation>
        </message>
        <message>
            <source>  report bilan --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|csv|json -o FILE [--server URL --token T]
  report figures [--from D --to D] [--lot L] | report attention [--kind K] [--offset N] [--limit N] [--server URL --token T]</source>
            <translation>  report bilan --from AAAA-MM-JJ --to AAAA-MM-JJ --format pdf|csv|json -o FICHIER [--server URL --token JETON]
  report figures [--from D --to D] [--lot L] | report attention [--kind GENRE] [--offset N] [--limit N] [--server URL --token JETON]</translation>
        </message>
        <message>
            <source>  admin worker add|update|list [--badge B --name N --role R --photo FILE --guidance N --preferences JSON --active yes|no]
  admin config show | config set KEY VALUE
  admin token list | token issue NAME ROLE | token revoke NAME   [--server URL --token T]</source>
            <translation>  admin worker add|update|list [--badge B --name N --role R --photo FICHIER --guidance N --preferences JSON --active yes|no]
  admin config show | config set CLÉ VALEUR
  admin token list | token issue NOM RÔLE | token revoke NOM   [--server URL --token JETON]</translation>
        </message>
        <message>
            <source>--unserved-days is a whole number of days</source>
            <translation>--unserved-days est un nombre entier de jours</translation>
        </message>
        <message>
            <source>Set the retention after the import or voucher of a family who received nothing (default 365)</source>
            <translation>Régler la conservation après l'import ou le bon d'une famille qui n'a rien reçu (365 par défaut)</translation>
        </message>
        <message>
            <source>Read the server's audit (with --token)</source>
            <translation>Lire le journal d'accès du serveur (avec --token)</translation>
        </message>
        <message>
            <source>A desk or supervisor token</source>
            <translation>Un jeton d'accueil ou de responsable</translation>
        </message>
        <message>
            <source>usage: etabli desk family REF --server URL --token T</source>
            <translation>usage : etabli desk family RÉF --server URL --token JETON</translation>
        </message>
        <message>
            <source>  desk import FILE.csv [--dry-run] | beneficiaries | add REF --kind K
  desk vouchers --school S -o FILE.pdf | handover VOUCHER TAG… [--witness NAME | --signature FILE.json] [--receipt FILE.pdf]
  desk grant request|paid REF | training enrol|attend REF [N] | return TAG --reason R [--swap NEWTAG]
  desk purge [--dry-run] | export REF | erase REF | audit [--server URL --token T]
  desk family REF --server URL --token T   (the distribution desk)</source>
            <translation>  desk import FICHIER.csv [--dry-run] | beneficiaries | add RÉF --kind GENRE
  desk vouchers --school ÉCOLE -o FICHIER.pdf | handover BON TAG… [--witness NOM | --signature FICHIER.json] [--receipt FICHIER.pdf]
  desk grant request|paid RÉF | training enrol|attend RÉF [N] | return TAG --reason MOTIF [--swap NOUVEAU_TAG]
  desk purge [--dry-run] | export RÉF | erase RÉF | audit [--server URL --token JETON]
  desk family RÉF --server URL --token JETON   (l'accueil de distribution)</translation>
        </message>
        <message>
            <source>  admin worker add|update|list [--badge B --name N --role R --photo FILE --guidance N --preferences JSON --active yes|no]
  admin config show | config set KEY VALUE
  admin token list | token issue NAME ROLE | token revoke NAME   [--server URL --token T]
  admin asset TAG | activity worker|station ID [--from D --to D]   (JSON)</source>
            <translation>  admin worker add|update|list [--badge B --name N --role R --photo FICHIER --guidance N --preferences JSON --active yes|no]
  admin config show | config set CLÉ VALEUR
  admin token list | token issue NOM RÔLE | token revoke NOM   [--server URL --token JETON]
  admin asset ÉTIQUETTE | activity worker|station ID [--from D --to D]   (JSON)</translation>
        </message>
        <message>
            <source>First day (YYYY-MM-DD)</source>
            <translation>Premier jour (AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>Last day (YYYY-MM-DD)</source>
            <translation>Dernier jour (AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>usage: etabli admin asset TAG | admin activity worker|station ID [--from D --to D]</source>
            <translation>usage : etabli admin asset ÉTIQUETTE | admin activity worker|station ID [--from D --to D]</translation>
        </message>
        <message>
            <source>--%1 must be a date YYYY-MM-DD</source>
            <translation>--%1 doit être une date AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>usage: etabli admin worker add|update|list … | config show|set … | token list|issue|revoke … | asset TAG | activity worker|station ID</source>
            <translation>usage : etabli admin worker add|update|list … | config show|set … | token list|issue|revoke … | asset ÉTIQUETTE | activity worker|station ID</translation>
        </message>
        <message>
            <source>usage: etabli image serve-multicast MASTER.qcow2 --group GROUP:PORT [--rate-mbit N] [--floor-mbit N] [--cycles N] [--min-receivers N]</source>
            <translation>usage : etabli image serve-multicast MASTER.qcow2 --group GROUPE:PORT [--rate-mbit N] [--floor-mbit N] [--cycles N] [--min-receivers N]</translation>
        </message>
        <message>
            <source>Start the first cycle once N receivers report (at most 60 s; default 0: at once)</source>
            <translation>Commencer le premier cycle quand N récepteurs se signalent (60 s au plus ; par défaut 0 : tout de suite)</translation>
        </message>
    </context>
    <context>
        <name>CliTest</name>
        <message>
            <location filename="../cli/cli_test.cpp" line="+38" />
            <source>  ETA %1 s   </source>
            <translation>  fin dans %1 s   </translation>
        </message>
        <message>
            <location line="+20" />
            <source>  %1 h powered on</source>
            <translation>  %1 h de fonctionnement</translation>
        </message>
        <message>
            <location line="+34" />
            <source>recorded on %1</source>
            <translation>enregistré sur %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>cannot read %1: %2</source>
            <translation>impossible de lire %1 : %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Saved smartctl -j -a output (or an array)</source>
            <translation>Sortie enregistrée de smartctl -j -a (ou une liste)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>libatasmart blob (skdump --save)</source>
            <translation>Blob libatasmart (skdump --save)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SMART verdict of DEVICE</source>
            <translation>Verdict SMART de DISQUE</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read scan of DEVICE (or a regular file)</source>
            <translation>Lecture complète de DISQUE (ou d'un fichier normal)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read size of the surface scan (default 4M)</source>
            <translation>Taille de lecture du test de surface (4M par défaut)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Test hook: sectors that fail with EIO (comma-separated)</source>
            <translation>Test : secteurs qui échouent avec EIO (séparés par des virgules)</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+143" />
            <location line="+108" />
            <location line="+89" />
            <location line="+62" />
            <source>Record the result on this asset</source>
            <translation>Enregistrer le résultat sur ce matériel</translation>
        </message>
        <message>
            <location line="-393" />
            <source>usage: etabli test disk --from-json FILE | --from-blob FILE | DEVICE [--smart] [--surface]</source>
            <translation>usage : etabli test disk --from-json FICHIER | --from-blob FICHIER | DISQUE [--smart] [--surface]</translation>
        </message>
        <message>
            <location line="+56" />
            <source>--chunk must be a multiple of 4 KiB, at most 256M</source>
            <translation>--chunk doit être un multiple de 4 KiB, au plus 256M</translation>
        </message>
        <message>
            <location line="+8" />
            <source>--inject-bad-sectors takes sector numbers separated by commas</source>
            <translation>--inject-bad-sectors attend des numéros de secteurs séparés par des virgules</translation>
        </message>
        <message>
            <location line="+41" />
            <source>bad fault «%1» (KIND:WORD:BIT[:WORD2:BIT2])</source>
            <translation>panne incorrecte «%1» (KIND:WORD:BIT[:WORD2:BIT2])</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Bytes to test (512M, 4G)</source>
            <translation>Octets à tester (512M, 4G)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Test the largest safe share of free memory (default)</source>
            <translation>Tester la plus grande part sûre de la mémoire libre (par défaut)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Worker threads (default: one per core)</source>
            <translation>Fils de calcul (par défaut : un par cœur)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Passes (default 1)</source>
            <translation>Passes (1 par défaut)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Seed of the random patterns (hex)</source>
            <translation>Graine des motifs aléatoires (hexadécimal)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Comma-separated subset of the patterns</source>
            <translation>Liste des motifs à utiliser, séparés par des virgules</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Test hook: inject a fault KIND:WORD:BIT[:WORD2:BIT2]</source>
            <translation>Test : injecter une panne KIND:WORD:BIT[:WORD2:BIT2]</translation>
        </message>
        <message>
            <location line="+11" />
            <source>usage: etabli test ram [--size S|--max] [--threads N] [--passes P]</source>
            <translation>usage : etabli test ram [--size S|--max] [--threads N] [--passes P]</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 MiB is more than the %2 MiB that can be tested safely</source>
            <translation>%1 MiB, c'est plus que les %2 MiB que l'on peut tester sans risque</translation>
        </message>
        <message>
            <location line="+9" />
            <source>--threads takes a number from 1 to 1024</source>
            <translation>--threads attend un nombre de 1 à 1024</translation>
        </message>
        <message>
            <location line="+2" />
            <source>--passes takes a number from 1 to 10000</source>
            <translation>--passes attend un nombre de 1 à 10000</translation>
        </message>
        <message>
            <location line="+2" />
            <source>--seed takes a non-zero hexadecimal number</source>
            <translation>--seed attend un nombre hexadécimal différent de zéro</translation>
        </message>
        <message>
            <location line="+12" />
            <source>unknown pattern «%1»</source>
            <translation>motif inconnu «%1»</translation>
        </message>
        <message>
            <location line="+12" />
            <source>nothing to test: less than 4 KiB available</source>
            <translation>rien à tester : moins de 4 KiB disponibles</translation>
        </message>
        <message>
            <location line="+8" />
            <source>an injected fault lies outside the %1 tested bytes</source>
            <translation>une panne injectée est en dehors des %1 octets testés</translation>
        </message>
        <message>
            <location line="+11" />
            <source>error at 0x%1 (%2): expected %3 read %4, bits %5</source>
            <translation>erreur à 0x%1 (%2) : attendu %3, lu %4, bits %5</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Loopback recording to analyse</source>
            <translation>Enregistrement en boucle à analyser</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Write the stereo test tone to FILE</source>
            <translation>Écrire le son de test stéréo dans FICHIER</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What the worker heard: both, left, right, none</source>
            <translation>Ce que le travailleur a entendu : both (les deux), left (gauche), right (droite), none (rien)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Left tone (default 1000)</source>
            <translation>Son de gauche (1000 par défaut)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Right tone (default 1500)</source>
            <translation>Son de droite (1500 par défaut)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the tones must be two different frequencies from 50 to 8000 Hz</source>
            <translation>les deux sons doivent avoir des fréquences différentes, de 50 à 8000 Hz</translation>
        </message>
        <message>
            <location line="+3" />
            <source>usage: etabli test audio --wav FILE | --write-tone FILE | --heard both|left|right|none</source>
            <translation>usage : etabli test audio --wav FICHIER | --write-tone FICHIER | --heard both|left|right|none</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cannot write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>wrote %1: %2 ms of silence, then %3 Hz left and %4 Hz right</source>
            <translation>%1 écrit : %2 ms de silence, puis %3 Hz à gauche et %4 Hz à droite</translation>
        </message>
        <message>
            <location line="+13" />
            <source>--heard takes both, left, right or none</source>
            <translation>--heard attend both, left, right ou none</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Raw evdev capture (cat /dev/input/eventN)</source>
            <translation>Capture evdev brute (cat /dev/input/eventN)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>umockdev script recording</source>
            <translation>Enregistrement de script umockdev</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Live evdev device (/dev/input/eventN)</source>
            <translation>Périphérique evdev en direct (/dev/input/eventN)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>How long to listen to --device (default 60)</source>
            <translation>Durée d'écoute de --device (60 par défaut)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>usage: etabli test keyboard|mouse --events FILE | --umockdev-script FILE | --device PATH [--seconds N]</source>
            <translation>usage : etabli test keyboard|mouse --events FICHIER | --umockdev-script FICHIER | --device CHEMIN [--seconds N]</translation>
        </message>
        <message>
            <location line="+6" />
            <source>--seconds takes a number from 1 to 3600</source>
            <translation>--seconds attend un nombre de 1 à 3600</translation>
        </message>
        <message>
            <location line="+42" />
            <source>A marked defect PATTERN:X,Y (0..1)</source>
            <translation>Un défaut marqué MOTIF:X,Y (0..1)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Monitor model from the EDID</source>
            <translation>Modèle de l'écran, lu dans l'EDID</translation>
        </message>
        <message>
            <location line="+12" />
            <source>usage: etabli test screen [--defect PATTERN:X,Y]… [--model M]</source>
            <translation>usage : etabli test screen [--defect MOTIF:X,Y]… [--model M]</translation>
        </message>
        <message>
            <location line="+14" />
            <source>bad defect «%1» (PATTERN:X,Y with X and Y from 0 to 1)</source>
            <translation>défaut incorrect «%1» (MOTIF:X,Y avec X et Y de 0 à 1)</translation>
        </message>
        <message>
            <location line="+31" />
            <source>usage: etabli test ram|disk|audio|keyboard|mouse|screen …</source>
            <translation>usage : etabli test ram|disk|audio|keyboard|mouse|screen …</translation>
        </message>
        <message>
            <location line="+8" />
            <source>  test ram [--size S|--max] [--threads N] [--passes P] [--asset TAG]
  test disk --from-json FILE | --from-blob FILE | DEVICE [--smart] [--surface] [--asset TAG]
  test audio --wav FILE | --write-tone FILE | --heard both|left|right|none [--asset TAG]
  test keyboard|mouse --events FILE | --umockdev-script FILE | --device PATH [--seconds N] [--asset TAG]
  test screen [--defect PATTERN:X,Y]… [--model M] [--asset TAG]</source>
            <translation>  test ram [--size S|--max] [--threads N] [--passes P] [--asset TAG]
  test disk --from-json FICHIER | --from-blob FICHIER | DISQUE [--smart] [--surface] [--asset TAG]
  test audio --wav FICHIER | --write-tone FICHIER | --heard both|left|right|none [--asset TAG]
  test keyboard|mouse --events FICHIER | --umockdev-script FICHIER | --device CHEMIN [--seconds N] [--asset TAG]
  test screen [--defect MOTIF:X,Y]… [--model M] [--asset TAG]</translation>
        </message>
    </context>
    <context>
        <name>Edid</name>
        <message>
            <location filename="../../hwtest/probe/edid.cpp" line="+93" />
            <source>the EDID is empty</source>
            <translation>l'EDID est vide</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the EDID is %1 bytes long, not a multiple of 128: truncated or corrupt</source>
            <translation>l'EDID fait %1 octets, pas un multiple de 128 : coupé ou abîmé</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the EDID does not start with the EDID header</source>
            <translation>l'EDID ne commence pas par l'en-tête EDID</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the EDID base block checksum is wrong</source>
            <translation>la somme de contrôle du bloc de base de l'EDID est fausse</translation>
        </message>
        <message>
            <location line="+57" />
            <source>the base block announces %1 extension blocks, %2 are present</source>
            <translation>le bloc de base annonce %1 blocs d'extension, %2 sont présents</translation>
        </message>
        <message>
            <location line="+6" />
            <source>extension block %1 has a wrong checksum</source>
            <translation>le bloc d'extension %1 a une somme de contrôle fausse</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Sync::SyncClient</name>
        <message>
            <location filename="../../inventory/sync/syncclient.cpp" line="+79" />
            <source>no sync server or token configured</source>
            <translation>aucun serveur de synchronisation ou jeton n'est configuré</translation>
        </message>
        <message>
            <location line="+45" />
            <source>cannot reach %1: %2</source>
            <translation>impossible de joindre %1 : %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the server refused the token: %1</source>
            <translation>le serveur a refusé le jeton : %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the server refused it (%1): %2</source>
            <translation>le serveur l'a refusé (%1) : %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the server answered %1: %2</source>
            <translation>le serveur a répondu %1 : %2</translation>
        </message>
        <message>
            <location line="+108" />
            <source>the server sent a malformed event: %1</source>
            <translation>le serveur a envoyé un événement mal formé : %1</translation>
        </message>
        <message>
            <source>the server must be an http(s)://HOST:PORT address (got «%1»)</source>
            <translation>le serveur doit être une adresse http(s)://HÔTE:PORT (reçu «%1»)</translation>
        </message>
        <message>
            <source>plain HTTP to %1 would send the token in clear: use https://%1 (plain http:// is only for the same machine: 127.0.0.1, ::1, localhost)</source>
            <translation>le HTTP sans chiffrement vers %1 enverrait le jeton en clair : utilisez https://%1 (http:// seul n'est permis que vers la même machine : 127.0.0.1, ::1, localhost)</translation>
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
        <name>Imaging</name>
        <message>
            <location filename="../../imaging/pipeline.cpp" line="+98" />
            <source>stopped</source>
            <translation>arrêté</translation>
        </message>
        <message>
            <location line="+152" />
            <source>every target failed</source>
            <translation>toutes les cibles ont échoué</translation>
        </message>
        <message>
            <location filename="../../imaging/builder.cpp" line="+152" />
            <source>the cluster size must be a power of two from 4 KiB to 2 MiB</source>
            <translation>la taille des clusters doit être une puissance de deux, de 4 KiB à 2 MiB</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cannot create %1: %2</source>
            <translation>impossible de créer %1 : %2</translation>
        </message>
        <message>
            <location line="+119" />
            <location line="+86" />
            <location filename="../../imaging/manifest.cpp" line="+159" />
            <location line="+4" />
            <location line="+83" />
            <location line="+7" />
            <source>cannot write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <location filename="../../imaging/manifest.cpp" line="-188" />
            <source>the manifest is invalid: %1</source>
            <translation>le manifeste n'est pas valide : %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>cannot read the %1 %2: %3</source>
            <translation>impossible de lire la %1 %2 : %3</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is not an Ed25519 %2</source>
            <translation>%1 n'est pas une %2 Ed25519</translation>
        </message>
        <message>
            <location line="+30" />
            <source>unknown format «%1»</source>
            <translation>format inconnu «%1»</translation>
        </message>
        <message>
            <location line="+9" />
            <source>size or range size out of bounds</source>
            <translation>taille ou taille de plage hors limites</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 range digests for a %2-byte disk</source>
            <translation>%1 empreintes de plage pour un disque de %2 octets</translation>
        </message>
        <message>
            <location line="+6" />
            <source>range digest %1 is not SHA-256 hex</source>
            <translation>l'empreinte de plage %1 n'est pas en hexadécimal SHA-256</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the whole-disk digest is not SHA-256 hex</source>
            <translation>l'empreinte du disque entier n'est pas en hexadécimal SHA-256</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown signature algorithm</source>
            <translation>algorithme de signature inconnu</translation>
        </message>
        <message>
            <location line="+11" />
            <source>no manifest %1 beside the master</source>
            <translation>pas de manifeste %1 à côté du master</translation>
        </message>
        <message>
            <location line="+3" />
            <source>too large</source>
            <translation>trop grand</translation>
        </message>
        <message>
            <location line="+21" />
            <source>not an Ed25519 secret key</source>
            <translation>ce n'est pas une clé secrète Ed25519</translation>
        </message>
        <message>
            <location line="+17" />
            <source>the manifest is not signed</source>
            <translation>le manifeste n'est pas signé</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the trusted public key is not an Ed25519 key</source>
            <translation>la clé publique de confiance n'est pas une clé Ed25519</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the manifest was signed by another key than the workshop's</source>
            <translation>le manifeste a été signé par une autre clé que celle de l'atelier</translation>
        </message>
        <message>
            <location line="+11" />
            <source>the manifest signature is invalid (tampered manifest?)</source>
            <translation>la signature du manifeste n'est pas valide (manifeste modifié ?)</translation>
        </message>
        <message>
            <location line="+19" />
            <source>libsodium cannot start</source>
            <translation>libsodium ne peut pas démarrer</translation>
        </message>
        <message>
            <location line="+15" />
            <source>%1 already exists; not overwriting a signing key</source>
            <translation>%1 existe déjà ; une clé de signature n'est pas écrasée</translation>
        </message>
        <message>
            <location line="+18" />
            <source>public key</source>
            <translation>clé publique</translation>
        </message>
        <message>
            <location line="+5" />
            <source>secret key</source>
            <translation>clé secrète</translation>
        </message>
        <message>
            <location line="+77" />
            <source>cannot open %1: %2</source>
            <translation>impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <location line="+18" />
            <source>%1 ends at %2 bytes, the master holds %3</source>
            <translation>%1 s'arrête à %2 octets, le master en contient %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1: read error at offset %2: %3</source>
            <translation>%1 : erreur de lecture à la position %2 : %3</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 differs from the master in the range at offset %2</source>
            <translation>%1 est différent du master dans la plage à la position %2</translation>
        </message>
        <message>
            <location filename="../../imaging/qcow2.cpp" line="+36" />
            <source>the qcow2 master is damaged: %1</source>
            <translation>le master qcow2 est abîmé : %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>this qcow2 master cannot be used: %1</source>
            <translation>ce master qcow2 ne peut pas être utilisé : %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>not a qcow2 file (bad magic)</source>
            <translation>ce n'est pas un fichier qcow2 (mauvaise signature)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>qcow2 version %1 is not supported (2 or 3 expected)</source>
            <translation>la version %1 de qcow2 n'est pas prise en charge (2 ou 3 attendu)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>it depends on a backing file; flatten it first with «qemu-img convert»</source>
            <translation>il dépend d'un fichier de base (backing file) ; aplatissez-le d'abord avec «qemu-img convert»</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cluster size 2^%1 out of range</source>
            <translation>taille de cluster 2^%1 hors limites</translation>
        </message>
        <message>
            <location line="+3" />
            <source>virtual size %1 is too large</source>
            <translation>la taille virtuelle %1 est trop grande</translation>
        </message>
        <message>
            <location line="+3" />
            <source>it is encrypted</source>
            <translation>il est chiffré</translation>
        </message>
        <message>
            <location line="+7" />
            <source>truncated version 3 header</source>
            <translation>en-tête de version 3 coupé</translation>
        </message>
        <message>
            <location line="+5" />
            <source>header length %1 is invalid</source>
            <translation>la longueur d'en-tête %1 n'est pas valide</translation>
        </message>
        <message>
            <location line="+3" />
            <source>truncated header</source>
            <translation>en-tête coupé</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it was not closed cleanly (dirty bit); repair it with «qemu-img check -r all»</source>
            <translation>il n'a pas été fermé proprement (bit dirty) ; réparez-le avec «qemu-img check -r all»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>QEMU marked it corrupt</source>
            <translation>QEMU l'a marqué comme corrompu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its data lives in an external data file</source>
            <translation>ses données sont dans un fichier de données externe</translation>
        </message>
        <message>
            <location line="+4" />
            <source>its clusters use compression type %1; only zlib is supported</source>
            <translation>ses clusters utilisent le type de compression %1 ; seul zlib est pris en charge</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it uses extended L2 entries (subclusters)</source>
            <translation>il utilise des entrées L2 étendues (sous-clusters)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>unknown incompatible features 0x%1</source>
            <translation>fonctions incompatibles inconnues 0x%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>compression type %1 is not supported</source>
            <translation>le type de compression %1 n'est pas pris en charge</translation>
        </message>
        <message>
            <location line="+5" />
            <source>L1 table too small for the virtual size</source>
            <translation>table L1 trop petite pour la taille virtuelle</translation>
        </message>
        <message>
            <location line="+2" />
            <source>L1 table too large</source>
            <translation>table L1 trop grande</translation>
        </message>
        <message>
            <location line="+3" />
            <source>L1 table offset is not cluster aligned</source>
            <translation>la position de la table L1 n'est pas alignée sur un cluster</translation>
        </message>
        <message>
            <location line="+3" />
            <source>L1 table beyond the end of the file (truncated master?)</source>
            <translation>table L1 après la fin du fichier (master coupé ?)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>compressed cluster with the copied flag</source>
            <translation>cluster compressé avec le drapeau copied</translation>
        </message>
        <message>
            <location line="+7" />
            <source>compressed cluster at %1 beyond the end of the file (truncated master?)</source>
            <translation>cluster compressé à %1 après la fin du fichier (master coupé ?)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>compressed cluster larger than two clusters</source>
            <translation>cluster compressé plus grand que deux clusters</translation>
        </message>
        <message>
            <location line="+8" />
            <source>reserved bits set in an L2 entry</source>
            <translation>bits réservés présents dans une entrée L2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>data cluster offset %1 is not aligned</source>
            <translation>la position %1 du cluster de données n'est pas alignée</translation>
        </message>
        <message>
            <location line="+3" />
            <source>data cluster at %1 beyond the end of the file (truncated master?)</source>
            <translation>cluster de données à %1 après la fin du fichier (master coupé ?)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>zlib initialisation failed</source>
            <translation>échec du démarrage de zlib</translation>
        </message>
        <message>
            <location line="+9" />
            <source>a compressed cluster does not inflate</source>
            <translation>un cluster compressé ne se décompresse pas</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the file is too short to be a qcow2 master</source>
            <translation>le fichier est trop court pour être un master qcow2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cannot read the L1 table</source>
            <translation>impossible de lire la table L1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>reserved bits set in L1 entry %1</source>
            <translation>bits réservés présents dans l'entrée L1 %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>L2 table %1 is not cluster aligned</source>
            <translation>la table L2 %1 n'est pas alignée sur un cluster</translation>
        </message>
        <message>
            <location line="+3" />
            <source>L2 table %1 beyond the end of the file (truncated master?)</source>
            <translation>table L2 %1 après la fin du fichier (master coupé ?)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>two L1 entries share one L2 table</source>
            <translation>deux entrées L1 partagent une même table L2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>cannot read L2 table %1</source>
            <translation>impossible de lire la table L2 %1</translation>
        </message>
        <message>
            <location filename="../../imaging/source.cpp" line="+29" />
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <location line="+117" />
            <source>cannot read the source at offset %1</source>
            <translation>impossible de lire la source à la position %1</translation>
        </message>
        <message>
            <location line="+23" />
            <source>the input stream failed earlier</source>
            <translation>le flux d'entrée a déjà échoué</translation>
        </message>
        <message>
            <location line="+5" />
            <source>cannot read the input stream</source>
            <translation>impossible de lire le flux d'entrée</translation>
        </message>
        <message>
            <location line="+33" />
            <source>the gzip source failed earlier</source>
            <translation>la source gzip a déjà échoué</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the gzip source is damaged: %1</source>
            <translation>la source gzip est abîmée : %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the gzip source is damaged</source>
            <translation>la source gzip est abîmée</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the gzip source is truncated</source>
            <translation>la source gzip est coupée</translation>
        </message>
        <message>
            <location line="+81" />
            <source>cannot read data cluster at %1 (truncated master?)</source>
            <translation>impossible de lire le cluster de données à %1 (master coupé ?)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>cannot read compressed clusters at %1 (truncated master?)</source>
            <translation>impossible de lire les clusters compressés à %1 (master coupé ?)</translation>
        </message>
        <message>
            <location line="+17" />
            <source> (guest offset %1)</source>
            <translation> (position dans le disque virtuel %1)</translation>
        </message>
        <message>
            <location line="+63" />
            <source>cannot open the master %1: %2</source>
            <translation>impossible d'ouvrir le master %1 : %2</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the master %1 is a directory</source>
            <translation>le master %1 est un dossier</translation>
        </message>
        <message>
            <location line="+20" />
            <source>cannot open the gzip master %1</source>
            <translation>impossible d'ouvrir le master gzip %1</translation>
        </message>
        <message>
            <location filename="../../imaging/target.cpp" line="+109" />
            <source>refusing to write %1: %2</source>
            <translation>écriture de %1 refusée : %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>target %1: %2 failed at offset %3: %4</source>
            <translation>cible %1 : %2 a échoué à la position %3 : %4</translation>
        </message>
        <message>
            <location line="+48" />
            <source>--fill must be zeros, discard or skip, not «%1»</source>
            <translation>--fill doit valoir zeros, discard ou skip, pas «%1»</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cannot inspect %1: %2</source>
            <translation>impossible d'examiner %1 : %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>a new file has no serial number to confirm</source>
            <translation>un nouveau fichier n'a pas de numéro de série à confirmer</translation>
        </message>
        <message>
            <location line="+9" />
            <source>it is the master itself</source>
            <translation>c'est le master lui-même</translation>
        </message>
        <message>
            <location line="+5" />
            <source>a regular file has no serial number to confirm</source>
            <translation>un fichier normal n'a pas de numéro de série à confirmer</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it is neither a block device nor a regular file</source>
            <translation>ce n'est ni un disque (périphérique bloc) ni un fichier normal</translation>
        </message>
        <message>
            <location line="+16" />
            <source>it holds the running system</source>
            <translation>il contient le système en marche</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it (or one of its partitions) is mounted on %1</source>
            <translation>il (ou une de ses partitions) est monté sur %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>it (or one of its partitions) is in use as swap</source>
            <translation>il (ou une de ses partitions) est utilisé comme swap</translation>
        </message>
        <message>
            <location line="+4" />
            <source>it is in use by device-mapper, RAID or LVM</source>
            <translation>il est utilisé par device-mapper, RAID ou LVM</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+87" />
            <source>it holds %1 bytes, the master needs %2</source>
            <translation>il contient %1 octets, le master en demande %2</translation>
        </message>
        <message>
            <location line="-76" />
            <source>it reports no serial number, «%1» was expected</source>
            <translation>il ne donne pas de numéro de série, «%1» était attendu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its serial number is «%1», not «%2»</source>
            <translation>son numéro de série est «%1», pas «%2»</translation>
        </message>
        <message>
            <location line="+25" />
            <source>cannot open the target %1: %2</source>
            <translation>impossible d'ouvrir la cible %1 : %2</translation>
        </message>
        <message>
            <location line="+54" />
            <source>resizing</source>
            <translation>le redimensionnement</translation>
        </message>
        <message>
            <location line="+15" />
            <source>write</source>
            <translation>l'écriture</translation>
        </message>
        <message>
            <location line="+21" />
            <source>discard</source>
            <translation>la libération (discard)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>hole punching</source>
            <translation>la création de trous</translation>
        </message>
        <message>
            <location line="+14" />
            <source>zeroing</source>
            <translation>la mise à zéro</translation>
        </message>
        <message>
            <location line="+8" />
            <source>flush</source>
            <translation>le vidage du cache (flush)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 cannot be read back</source>
            <translation>impossible de relire %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>read-back</source>
            <translation>la relecture</translation>
        </message>
        <message>
            <location line="+11" />
            <source>target %1: write failed at offset %2: %3</source>
            <translation>cible %1 : l'écriture a échoué à la position %2 : %3</translation>
        </message>
        <message>
            <location filename="../../imaging/writer.cpp" line="+115" />
            <location line="+107" />
            <location line="+183" />
            <location line="+75" />
            <source>cancelled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <location line="-341" />
            <source>the master is longer than its manifest says (%1 bytes)</source>
            <translation>le master est plus long que ce que dit son manifeste (%1 octets)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the master changed at offset %1 (range %2) since it was checked against its manifest: damaged master, nothing after it was written</source>
            <translation>le master a changé à la position %1 (plage %2) depuis sa vérification contre son manifeste : master abîmé, rien n'a été écrit après</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the master does not match its manifest at offset %1 (range %2): damaged or tampered master, nothing after it was written</source>
            <translation>le master ne correspond pas à son manifeste à la position %1 (plage %2) : master abîmé ou modifié, rien n'a été écrit après</translation>
        </message>
        <message>
            <location line="+79" />
            <source>target %1: verification failed, the bytes read back at offset %2 differ from the master</source>
            <translation>cible %1 : la vérification a échoué, les octets relus à la position %2 sont différents du master</translation>
        </message>
        <message>
            <location line="+175" />
            <source>no target to write</source>
            <translation>aucune cible à écrire</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the master holds %1 bytes but its manifest says %2: wrong or damaged master</source>
            <translation>le master contient %1 octets mais son manifeste dit %2 : mauvais master ou master abîmé</translation>
        </message>
        <message>
            <location line="+9" />
            <source>cluster size %1 does not divide the range size</source>
            <translation>la taille de cluster %1 ne divise pas la taille de plage</translation>
        </message>
        <message>
            <location line="+83" />
            <source>the stream held %1 bytes but the manifest says %2</source>
            <translation>le flux contenait %1 octets mais le manifeste dit %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>no target was written successfully</source>
            <translation>aucune cible n'a été écrite avec succès</translation>
        </message>
        <message>
            <location filename="../../imaging/seal.cpp" line="+113" />
            <source>cannot record the master's check in %1: %2</source>
            <translation>impossible d'enregistrer la vérification du master dans %1 : %2</translation>
        </message>
        <message>
            <source>refusing to write %1: there is no such device</source>
            <translation>refus d'écrire sur %1 : ce périphérique n'existe pas</translation>
        </message>
        <message>
            <source>refusing to write %1: it is a symbolic link to something that does not exist</source>
            <translation>refus d'écrire sur %1 : c'est un lien symbolique vers quelque chose qui n'existe pas</translation>
        </message>
        <message>
            <source>it is under /dev but is not a block device</source>
            <translation>il est sous /dev mais ce n'est pas un périphérique bloc</translation>
        </message>
        <message>
            <source>its serial number was not confirmed</source>
            <translation>son numéro de série n'a pas été confirmé</translation>
        </message>
        <message>
            <source>it is not a block device</source>
            <translation>ce n'est pas un périphérique bloc</translation>
        </message>
        <message>
            <source>the master %1 is not a regular file (%2)</source>
            <translation>le master %1 n'est pas un fichier ordinaire (%2)</translation>
        </message>
        <message>
            <source>a directory</source>
            <translation>un dossier</translation>
        </message>
        <message>
            <source>a FIFO</source>
            <translation>un tube nommé (FIFO)</translation>
        </message>
        <message>
            <source>a character device</source>
            <translation>un périphérique caractère</translation>
        </message>
        <message>
            <source>a block device</source>
            <translation>un périphérique bloc</translation>
        </message>
        <message>
            <source>not a file</source>
            <translation>pas un fichier</translation>
        </message>
        <message>
            <source>the master %1 holds %2 bytes, its manifest says %3</source>
            <translation>le master %1 contient %2 octets, son manifeste en annonce %3</translation>
        </message>
        <message>
            <source>--pattern must be zeros or random, not «%1»</source>
            <translation>--pattern doit valoir zeros ou random, pas «%1»</translation>
        </message>
        <message>
            <source>--verify must be full or sample, not «%1»</source>
            <translation>--verify doit valoir full ou sample, pas «%1»</translation>
        </message>
        <message>
            <source>%1 blocks of %2 KiB (%3 % of the disk) in %4 regions of %5 MiB, seed %6</source>
            <translation>%1 blocs de %2 Kio (%3 % du disque) dans %4 régions de %5 Mio, graine %6</translation>
        </message>
        <message>
            <source>%1 is empty: there is nothing to erase</source>
            <translation>%1 est vide : il n'y a rien à effacer</translation>
        </message>
        <message>
            <source>the erasure was cancelled</source>
            <translation>l'effacement a été annulé</translation>
        </message>
        <message>
            <source>%1 could not be overwritten at offset %2: %3</source>
            <translation>%1 n'a pas pu être réécrit à la position %2 : %3</translation>
        </message>
        <message>
            <source>verification failed: %1 cannot be read at offset %2</source>
            <translation>vérification échouée : %1 est illisible à la position %2</translation>
        </message>
        <message>
            <source>verification failed: %1 does not hold what was written at offset %2</source>
            <translation>vérification échouée : %1 ne contient pas ce qui a été écrit à la position %2</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>impossible de créer %1</translation>
        </message>
        <message>
            <source>this endorsement is of another station's key</source>
            <translation>cette reconnaissance concerne la clé d'un autre poste</translation>
        </message>
        <message>
            <source>not an Ed25519 key</source>
            <translation>pas une clé Ed25519</translation>
        </message>
        <message>
            <source>not a station endorsement</source>
            <translation>pas une reconnaissance de poste</translation>
        </message>
        <message>
            <source>the endorsement's signature is invalid</source>
            <translation>la signature de la reconnaissance n'est pas valide</translation>
        </message>
        <message>
            <source>the certificate is not valid JSON: %1</source>
            <translation>le certificat n'est pas un JSON valide : %1</translation>
        </message>
        <message>
            <source>not an Établi erasure certificate</source>
            <translation>pas un certificat d'effacement Établi</translation>
        </message>
        <message>
            <source>the certificate's signature does not match its content (altered?)</source>
            <translation>la signature du certificat ne correspond pas à son contenu (modifié ?)</translation>
        </message>
        <message>
            <source>the station's key carries no endorsement by the workshop</source>
            <translation>la clé du poste n'est pas reconnue par l'atelier</translation>
        </message>
        <message>
            <source>the endorsement is of another station's key</source>
            <translation>la reconnaissance concerne la clé d'un autre poste</translation>
        </message>
        <message>
            <source>no workshop public key to check the endorsement against</source>
            <translation>pas de clé publique d'atelier pour vérifier la reconnaissance</translation>
        </message>
        <message>
            <source>the endorsement was made by another key than the workshop's</source>
            <translation>la reconnaissance a été faite par une autre clé que celle de l'atelier</translation>
        </message>
    </context>
    <context>
        <name>InputTest</name>
        <message>
            <location filename="../../hwtest/diag/inputtest.cpp" line="+215" />
            <source>%1 bytes is not a whole number of input events</source>
            <translation>%1 octets, ce n'est pas un nombre entier d'événements d'entrée</translation>
        </message>
        <message>
            <location line="+31" />
            <source>line %1 is not an umockdev script line</source>
            <translation>la ligne %1 n'est pas une ligne de script umockdev</translation>
        </message>
        <message>
            <location line="+12" />
            <source>line %1 ends inside an escape</source>
            <translation>la ligne %1 se termine au milieu d'un échappement</translation>
        </message>
        <message>
            <location line="+14" />
            <source>cannot open %1: %2</source>
            <translation>impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <location line="+43" />
            <source>no xkb «fr» keymap in %1 (package xkb-data)</source>
            <translation>pas de disposition clavier xkb «fr» dans %1 (paquet xkb-data)</translation>
        </message>
        <message numerus="yes">
            <location line="+87" />
            <source>%n key(s) bounce</source>
            <translation>
                <numerusform>%n touche rebondit</numerusform>
                <numerusform>%n touches rebondissent</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 of %2 keys never pressed: %3</source>
            <translation>%1 touches sur %2 jamais appuyées : %3</translation>
        </message>
        <message>
            <location line="+74" />
            <source>never seen: %1</source>
            <translation>jamais vu : %1</translation>
        </message>
    </context>
    <context>
        <name>KeyboardTest</name>
        <message>
            <location filename="../station/KeyboardTest.qml" line="+22" />
            <source>Press every key. Keys turn green.</source>
            <translation>Appuie sur chaque touche. Les touches deviennent vertes.</translation>
        </message>
        <message numerus="yes">
            <location line="+8" />
            <source>⚠ %n key(s) bounce</source>
            <translation>
                <numerusform>⚠ %n touche rebondit</numerusform>
                <numerusform>⚠ %n touches rebondissent</numerusform>
            </translation>
        </message>
        <message>
            <location line="+44" />
            <location line="+5" />
            <source>Left</source>
            <translation>Gauche</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Middle</source>
            <translation>Milieu</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+4" />
            <source>Right</source>
            <translation>Droite</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Wheel up</source>
            <translation>Molette haut</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Wheel down</source>
            <translation>Molette bas</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Up</source>
            <translation>Haut</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Down</source>
            <translation>Bas</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Finished</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>%1 of %2 keys</source>
            <translation>%1 touches sur %2</translation>
        </message>
        <message numerus="yes">
            <source>%n key(s) bounce</source>
            <translation>
                <numerusform>%n touche rebondit</numerusform>
                <numerusform>%n touches rebondissent</numerusform>
            </translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>Mouse</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Key %1: %2</source>
            <translation>Touche %1 : %2</translation>
        </message>
        <message>
            <source>bounces</source>
            <translation>rebondit</translation>
        </message>
        <message>
            <source>works</source>
            <translation>marche</translation>
        </message>
        <message>
            <source>not pressed yet</source>
            <translation>pas encore appuyée</translation>
        </message>
        <message>
            <source>Left button</source>
            <translation>Bouton gauche</translation>
        </message>
        <message>
            <source>Middle button</source>
            <translation>Bouton du milieu</translation>
        </message>
        <message>
            <source>Right button</source>
            <translation>Bouton droit</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>Vers la gauche</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>Vers la droite</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Vers le haut</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Vers le bas</translation>
        </message>
        <message>
            <source>Mouse, %1: %2</source>
            <translation>Souris, %1 : %2</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>pas encore</translation>
        </message>
        <message>
            <source>Put the keyboard and the mouse with the PC.</source>
            <translation>Pose le clavier et la souris avec le PC.</translation>
        </message>
        <message>
            <source>Put the HS label on what does not work.</source>
            <translation>Colle l'étiquette HS sur ce qui ne marche pas.</translation>
        </message>
        <message>
            <source>About</source>
            <translation>À propos</translation>
        </message>
        <message>
            <source>About Établi and its licences</source>
            <translation>À propos d'Établi et de ses licences</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="../../labels/barcode.cpp" line="+52" />
            <source>nothing to encode</source>
            <translation>rien à coder</translation>
        </message>
        <message>
            <location line="+26" />
            <source>cannot encode «%1» as %2: %3</source>
            <translation>impossible de coder «%1» en %2 : %3</translation>
        </message>
        <message>
            <location filename="../../labels/brotherql.cpp" line="+43" />
            <source>a Brother QL job needs a 1-bit label image</source>
            <translation>une impression Brother QL demande une image d'étiquette en noir et blanc (1 bit)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>this label is %1 dots wide; %2 mm Brother tape needs %3 dots at 300 dpi</source>
            <translation>cette étiquette fait %1 points de large ; le ruban Brother de %2 mm demande %3 points à 300 dpi</translation>
        </message>
        <message>
            <location line="+12" />
            <source>this label is shorter than a %1 label</source>
            <translation>cette étiquette est plus courte qu'une étiquette %1</translation>
        </message>
        <message>
            <location line="+55" />
            <source>no media: load the label roll</source>
            <translation>pas d'étiquettes : mettez le rouleau d'étiquettes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>end of media: the roll is empty</source>
            <translation>fin du rouleau : le rouleau est vide</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cutter jam</source>
            <translation>le massicot est bloqué</translation>
        </message>
        <message>
            <location line="+1" />
            <source>weak batteries</source>
            <translation>piles faibles</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the printer is busy with another job</source>
            <translation>l'imprimante est occupée par une autre impression</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the printer is turned off</source>
            <translation>l'imprimante est éteinte</translation>
        </message>
        <message>
            <location line="+1" />
            <source>high-voltage adapter fault</source>
            <translation>panne de l'adaptateur haute tension</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fan motor error</source>
            <translation>erreur du ventilateur</translation>
        </message>
        <message>
            <location line="+3" />
            <source>wrong media: replace the label roll</source>
            <translation>mauvais rouleau : changez le rouleau d'étiquettes</translation>
        </message>
        <message>
            <location line="+1" />
            <source>expansion buffer full</source>
            <translation>mémoire d'extension pleine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>communication error</source>
            <translation>erreur de communication</translation>
        </message>
        <message>
            <location line="+1" />
            <source>communication buffer full</source>
            <translation>mémoire de communication pleine</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the cover is open</source>
            <translation>le capot est ouvert</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the job was cancelled on the printer</source>
            <translation>l'impression a été annulée sur l'imprimante</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the media cannot be fed</source>
            <translation>les étiquettes n'avancent pas</translation>
        </message>
        <message>
            <location line="+1" />
            <source>system error</source>
            <translation>erreur du système</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the printer reports an error</source>
            <translation>l'imprimante signale une erreur</translation>
        </message>
        <message>
            <location line="+47" />
            <source>the Brother printer stopped answering on USB: %1</source>
            <translation>l'imprimante Brother ne répond plus en USB : %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the Brother printer does not take data (is it on and ready?)</source>
            <translation>l'imprimante Brother ne prend pas les données (est-elle allumée et prête ?)</translation>
        </message>
        <message>
            <location line="+18" />
            <source>cannot read the Brother printer's status: %1</source>
            <translation>impossible de lire l'état de l'imprimante Brother : %1</translation>
        </message>
        <message>
            <location line="+20" />
            <source>USB is not available on this machine</source>
            <translation>l'USB n'est pas disponible sur cette machine</translation>
        </message>
        <message>
            <location line="+25" />
            <source>no Brother label printer is plugged in over USB</source>
            <translation>aucune imprimante d'étiquettes Brother n'est branchée en USB</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no Brother label printer with serial %1 on USB</source>
            <translation>aucune imprimante d'étiquettes Brother avec le numéro de série %1 en USB</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot open the Brother printer: %1 (permissions? see packaging/udev)</source>
            <translation>impossible d'ouvrir l'imprimante Brother : %1 (droits ? voir packaging/udev)</translation>
        </message>
        <message>
            <location line="+21" />
            <source>the Brother printer is in use by another program</source>
            <translation>l'imprimante Brother est utilisée par un autre programme</translation>
        </message>
        <message>
            <location line="+16" />
            <source>the Brother printer refuses the label: %1</source>
            <translation>l'imprimante Brother refuse l'étiquette : %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the Brother printer does not answer the status request</source>
            <translation>l'imprimante Brother ne répond pas à la demande d'état</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the Brother printer holds %1 mm %2 media; this label needs %3</source>
            <translation>l'imprimante Brother contient un rouleau de %1 mm %2 ; cette étiquette demande %3</translation>
        </message>
        <message>
            <location line="+3" />
            <source>endless</source>
            <translation>continu</translation>
        </message>
        <message>
            <location line="+19" />
            <source>the Brother printer did not confirm the print within %1 s</source>
            <translation>l'imprimante Brother n'a pas confirmé l'impression en %1 s</translation>
        </message>
        <message>
            <location filename="../../labels/labeloutput.cpp" line="+62" />
            <source>cannot write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the PDF writer refused the page size</source>
            <translation>le module PDF a refusé la taille de page</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+3" />
            <location line="+2" />
            <source>cannot write %1</source>
            <translation>impossible d'écrire %1</translation>
        </message>
        <message>
            <location line="+15" />
            <source>the printer «%1» is not known to CUPS on this machine (known: %2)</source>
            <translation>l'imprimante «%1» n'est pas connue de CUPS sur cette machine (connues : %2)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the printer «%1» cannot be used</source>
            <translation>l'imprimante «%1» ne peut pas être utilisée</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Établi label %1</source>
            <translation>Étiquette Établi %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the printer «%1» refuses the label size %2×%3 mm</source>
            <translation>l'imprimante «%1» refuse la taille d'étiquette %2×%3 mm</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the printer «%1» refused the job</source>
            <translation>l'imprimante «%1» a refusé l'impression</translation>
        </message>
        <message>
            <location line="+5" />
            <source>the printer «%1» failed the job</source>
            <translation>l'imprimante «%1» n'a pas réussi l'impression</translation>
        </message>
        <message>
            <location filename="../../labels/labelrenderer.cpp" line="+130" />
            <source>template %1: the %2 field is too small for «%3» at %4 dpi (needs %5 mm, has %6 mm)</source>
            <translation>modèle %1 : le champ %2 est trop petit pour «%3» à %4 dpi (il faut %5 mm, il y a %6 mm)</translation>
        </message>
        <message>
            <location line="+37" />
            <source>+ %1 more</source>
            <translation>+ %1 de plus</translation>
        </message>
        <message>
            <location line="+18" />
            <source>a label needs an asset tag</source>
            <translation>une étiquette doit porter le numéro d'un matériel</translation>
        </message>
        <message>
            <location line="+33" />
            <source>the resolution must be between 100 and 1200 dpi</source>
            <translation>la résolution doit être entre 100 et 1200 dpi</translation>
        </message>
        <message>
            <location line="+3" />
            <source>no label to render</source>
            <translation>aucune étiquette à produire</translation>
        </message>
        <message>
            <location line="+4" />
            <source>template %1 holds %2 label(s) per page, not %3</source>
            <translation>le modèle %1 contient %2 étiquette(s) par page, pas %3</translation>
        </message>
        <message>
            <location line="+14" />
            <source>a %1×%2 mm page at %3 dpi is too large to render</source>
            <translation>une page de %1×%2 mm à %3 dpi est trop grande à produire</translation>
        </message>
        <message>
            <location filename="../../labels/labeltemplate.cpp" line="+42" />
            <source>«%1» must be an array of %2 numbers</source>
            <translation>«%1» doit être une liste de %2 nombres</translation>
        </message>
        <message>
            <location line="+5" />
            <source>«%1» must hold non-negative numbers</source>
            <translation>«%1» doit contenir des nombres positifs ou nuls</translation>
        </message>
        <message>
            <location line="+47" />
            <source>label template %1 is not a JSON object: %2</source>
            <translation>le modèle d'étiquette %1 n'est pas un objet JSON : %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>«name» must be a non-empty word</source>
            <translation>«name» doit être un mot non vide</translation>
        </message>
        <message>
            <location line="+4" />
            <source>«size_mm» must be between 10 and 300 mm</source>
            <translation>«size_mm» doit être entre 10 et 300 mm</translation>
        </message>
        <message>
            <location line="+7" />
            <source>«dpi» must be between 100 and 1200</source>
            <translation>«dpi» doit être entre 100 et 1200</translation>
        </message>
        <message>
            <location line="+7" />
            <source>«fields» must list at least one field</source>
            <translation>«fields» doit contenir au moins un champ</translation>
        </message>
        <message>
            <location line="+7" />
            <source>field %1: unknown type «%2» (text, datamatrix, qr, code128, pictogram, list)</source>
            <translation>champ %1 : type inconnu «%2» (text, datamatrix, qr, code128, pictogram, list)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>field %1: unknown data «%2»</source>
            <translation>champ %1 : donnée inconnue «%2»</translation>
        </message>
        <message>
            <location line="+14" />
            <source>field %1: «rect_mm» has no area</source>
            <translation>champ %1 : «rect_mm» n'a pas de surface</translation>
        </message>
        <message>
            <location line="+3" />
            <source>field %1 lies outside the printable area of the label</source>
            <translation>le champ %1 est en dehors de la zone imprimable de l'étiquette</translation>
        </message>
        <message>
            <location line="+5" />
            <source>field %1: barcodes carry a tag, a kit reference or a literal</source>
            <translation>champ %1 : les codes-barres portent une étiquette, une référence de kit ou un texte fixe</translation>
        </message>
        <message>
            <location line="+17" />
            <source>«sheet.page_mm» must be at most 500 mm</source>
            <translation>«sheet.page_mm» doit faire au plus 500 mm</translation>
        </message>
        <message>
            <location line="+2" />
            <source>«sheet» needs at least one column and one row</source>
            <translation>«sheet» demande au moins une colonne et une ligne</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the labels of «sheet» do not fit on its page</source>
            <translation>les étiquettes de «sheet» ne tiennent pas sur sa page</translation>
        </message>
        <message>
            <location line="+5" />
            <source>label template %1: %2</source>
            <translation>modèle d'étiquette %1 : %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>cannot read the label template %1: %2</source>
            <translation>impossible de lire le modèle d'étiquette %1 : %2</translation>
        </message>
        <message>
            <location line="+34" />
            <source>no label template «%1» (templates: %2)</source>
            <translation>pas de modèle d'étiquette «%1» (modèles : %2)</translation>
        </message>
        <message>
            <location filename="../../labels/printer.cpp" line="+21" />
            <source>unknown printer «%1» (cups:NAME, zpl://HOST:9100, brother-ql://usb, brother-ql://HOST)</source>
            <translation>imprimante inconnue «%1» (cups:NOM, zpl://HÔTE:9100, brother-ql://usb, brother-ql://HÔTE)</translation>
        </message>
        <message>
            <location line="+57" />
            <source>template %1 is not made for Brother QL tape (try brother-62x29 or kit-62)</source>
            <translation>le modèle %1 n'est pas fait pour le ruban Brother QL (essayez brother-62x29 ou kit-62)</translation>
        </message>
        <message>
            <location line="+32" />
            <source>the printer %1:%2 refused the job: %3</source>
            <translation>l'imprimante %1:%2 a refusé l'impression : %3</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the printer %1:%2 stopped taking the job: %3</source>
            <translation>l'imprimante %1:%2 a arrêté de prendre l'impression : %3</translation>
        </message>
        <message>
            <location line="-26" />
            <source>the printer %1:%2 does not answer: %3</source>
            <translation>l'imprimante %1:%2 ne répond pas : %3</translation>
        </message>
        <message>
            <location line="+52" />
            <source>out of labels</source>
            <translation>plus d'étiquettes</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the print head is open</source>
            <translation>la tête d'impression est ouverte</translation>
        </message>
        <message>
            <location line="+2" />
            <source>out of ribbon</source>
            <translation>plus de ruban</translation>
        </message>
        <message>
            <location line="+2" />
            <source>paused (press the pause button)</source>
            <translation>en pause (appuyez sur le bouton pause)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>its buffer is full</source>
            <translation>sa mémoire est pleine</translation>
        </message>
        <message>
            <location line="+49" />
            <source>the printer %1:%2 does not report its status: out of labels, out of ribbon or head open?</source>
            <translation>l'imprimante %1:%2 ne donne pas son état : plus d'étiquettes, plus de ruban ou tête ouverte ?</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the printer %1:%2 cannot print: %3</source>
            <translation>l'imprimante %1:%2 ne peut pas imprimer : %3</translation>
        </message>
        <message>
            <location filename="../../labels/printqueue.cpp" line="+58" />
            <source>cannot read the print queue %1: %2</source>
            <translation>impossible de lire la file d'impression %1 : %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the print queue %1 is damaged</source>
            <translation>la file d'impression %1 est abîmée</translation>
        </message>
        <message>
            <location line="+17" />
            <source>cannot write the print queue %1: %2</source>
            <translation>impossible d'écrire la file d'impression %1 : %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>the print queue %1 is locked by another program</source>
            <translation>la file d'impression %1 est bloquée par un autre programme</translation>
        </message>
        <message>
            <location line="+43" />
            <location line="+10" />
            <source>no queued label %1</source>
            <translation>aucune étiquette %1 en attente</translation>
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
        <name>MachineProbe</name>
        <message>
            <location filename="../../hwtest/probe/machineprobe.cpp" line="+226" />
            <source>cannot read /proc/cpuinfo</source>
            <translation>impossible de lire /proc/cpuinfo</translation>
        </message>
        <message>
            <location line="+55" />
            <source>cannot read MemTotal in /proc/meminfo</source>
            <translation>impossible de lire MemTotal dans /proc/meminfo</translation>
        </message>
        <message>
            <location line="+316" />
            <source>Computer: %1 %2 (%3)  serial %4</source>
            <translation>Ordinateur : %1 %2 (%3)  numéro de série %4</translation>
        </message>
        <message>
            <location line="+6" />
            <source>CPU: %1, %2 cores / %3 threads, %4</source>
            <translation>Processeur : %1, %2 cœurs / %3 fils, %4</translation>
        </message>
        <message>
            <location line="+5" />
            <source>64-bit</source>
            <translation>64 bits</translation>
        </message>
        <message>
            <location line="+1" />
            <source>32-bit only</source>
            <translation>32 bits seulement</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory: %1 GiB</source>
            <translation>Mémoire : %1 GiB</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Disk %1: %2 GB %3 %4 %5 serial %6</source>
            <translation>Disque %1 : %2 GB %3 %4 %5 numéro de série %6</translation>
        </message>
        <message>
            <location line="+5" />
            <source>HDD</source>
            <translation>HDD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SSD</source>
            <translation>SSD</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Optical %1: %2 %3 (%4)</source>
            <translation>Lecteur optique %1 : %2 %3 (%4)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>DVD writer</source>
            <translation>graveur DVD</translation>
        </message>
        <message>
            <location line="+2" />
            <source>DVD reader</source>
            <translation>lecteur DVD</translation>
        </message>
        <message>
            <location line="+1" />
            <source>CD only</source>
            <translation>CD seulement</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Network %1: %2 %3 (%4)</source>
            <translation>Réseau %1 : %2 %3 (%4)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Audio: %1</source>
            <translation>Son : %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Peripheral (%1): %2 %3</source>
            <translation>Périphérique (%1) : %2 %3</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Monitor on %1: unreadable EDID (%2)</source>
            <translation>Écran sur %1 : EDID illisible (%2)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Monitor on %1: %2 %3, %4" serial %5, %6</source>
            <translation>Écran sur %1 : %2 %3, %4" numéro de série %5, %6</translation>
        </message>
        <message>
            <location line="+5" />
            <source>model %1</source>
            <translation>modèle %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Problem (%1): %2</source>
            <translation>Problème (%1) : %2</translation>
        </message>
        <message>
            <location filename="../../hwtest/probe/machineprobe_libusb.cpp" line="+62" />
            <source>libusb cannot start: %1</source>
            <translation>libusb ne peut pas démarrer : %1</translation>
        </message>
        <message>
            <location line="+8" />
            <source>libusb cannot list devices: %1</source>
            <translation>libusb ne peut pas lister les appareils : %1</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <location filename="../station/Main.qml" line="+12" />
            <source>Établi</source>
            <translation>Établi</translation>
        </message>
        <message>
            <location filename="../station/Main.qml" line="+39" />
            <source>The result is not saved: %1</source>
            <translation>Le résultat n'est pas enregistré : %1</translation>
        </message>
        <message>
            <location filename="../station/Main.qml" line="+8" />
            <source>Try again</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../station/Main.qml" line="+7" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>À regarder</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>Chiffres</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bilan</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>Travailleurs</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Administration</source>
            <translation>Administration</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
        <message>
            <source>The figures could not be read: %1</source>
            <translation>Les chiffres n’ont pas pu être lus : %1</translation>
        </message>
    </context>
    <context>
        <name>MinSpec</name>
        <message>
            <location filename="../../hwtest/probe/minspec.cpp" line="+22" />
            <source>profile key «%1» has the wrong type</source>
            <translation>la clé de profil «%1» a le mauvais type</translation>
        </message>
        <message>
            <location line="+36" />
            <source>cannot read the profile %1: %2</source>
            <translation>impossible de lire le profil %1 : %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the profile %1 is not a JSON object: %2</source>
            <translation>le profil %1 n'est pas un objet JSON : %2</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the processor is not 64-bit</source>
            <translation>le processeur n'est pas 64 bits</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the processor lacks SSE2</source>
            <translation>le processeur n'a pas SSE2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the processor runs %1 threads, %2 needed</source>
            <translation>le processeur a %1 fils, il en faut %2</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 GiB of memory, %2 GiB needed: add memory</source>
            <translation>%1 GiB de mémoire, il faut %2 GiB : ajoutez de la mémoire</translation>
        </message>
        <message>
            <location line="+15" />
            <source>no internal disk: add a disk of at least %1 GB</source>
            <translation>pas de disque interne : ajoutez un disque d'au moins %1 GB</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the largest disk holds %1 GB, %2 GB needed: replace the disk</source>
            <translation>le plus grand disque fait %1 GB, il faut %2 GB : changez le disque</translation>
        </message>
    </context>
    <context>
        <name>RamTest</name>
        <message>
            <location filename="../../hwtest/diag/ramtest.cpp" line="+496" />
            <source>«%1» is not a size (examples: 512M, 4G)</source>
            <translation>«%1» n'est pas une taille (exemples : 512M, 4G)</translation>
        </message>
        <message>
            <location line="+20" />
            <source>«%1» is out of range</source>
            <translation>«%1» est hors limites</translation>
        </message>
        <message>
            <location line="+22" />
            <source>cannot allocate %1 MiB: %2</source>
            <translation>impossible de réserver %1 MiB : %2</translation>
        </message>
        <message>
            <location line="+65" />
            <source>%1 miscompares, first at 0x%2 (%3): expected %4, read %5</source>
            <translation>%1 différences, la première à 0x%2 (%3) : attendu %4, lu %5</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 new uncorrected ECC errors</source>
            <translation>%1 nouvelles erreurs ECC non corrigées</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 new corrected ECC errors</source>
            <translation>%1 nouvelles erreurs ECC corrigées</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the test was stopped before the end</source>
            <translation>le test a été arrêté avant la fin</translation>
        </message>
    </context>
    <context>
        <name>ScreenTest</name>
        <message numerus="yes">
            <location filename="../../hwtest/diag/screentest.cpp" line="+57" />
            <source>%n defect(s) marked</source>
            <translation>
                <numerusform>%n défaut marqué</numerusform>
                <numerusform>%n défauts marqués</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>stopped at pattern %1 of %2</source>
            <translation>arrêté au motif %1 sur %2</translation>
        </message>
        <message>
            <location filename="../station/ScreenTest.qml" line="+50" />
            <source>Touch any spot that looks wrong.</source>
            <translation>Touche chaque endroit abîmé.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next</source>
            <translation>Suivant</translation>
        </message>
        <message>
            <source>The screen under test: touch a spot that looks wrong</source>
            <translation>L'écran testé : touche un endroit abîmé</translation>
        </message>
        <message>
            <source>Defect mark</source>
            <translation>Marque de défaut</translation>
        </message>
        <message>
            <source>Colour %1 of %2</source>
            <translation>Couleur %1 sur %2</translation>
        </message>
        <message>
            <source>Move the buttons</source>
            <translation>Déplacer les boutons</translation>
        </message>
        <message>
            <source>Move the buttons to the bottom right</source>
            <translation>Mettre les boutons en bas à droite</translation>
        </message>
        <message>
            <source>Move the buttons to the top left</source>
            <translation>Mettre les boutons en haut à gauche</translation>
        </message>
        <message>
            <source>Remove the last mark</source>
            <translation>Effacer la dernière marque</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Finir le test</translation>
        </message>
        <message>
            <source>Next colour</source>
            <translation>Couleur suivante</translation>
        </message>
        <message>
            <source>Go on to the next test.</source>
            <translation>Passe au test suivant.</translation>
        </message>
        <message>
            <source>Put the HS label on the screen.</source>
            <translation>Colle l'étiquette HS sur l'écran.</translation>
        </message>
    </context>
    <context>
        <name>ServerStore</name>
        <message>
            <source>the duration histogram disagrees with the facts (%1 %2)</source>
            <translation>l’histogramme des durées ne concorde pas avec les faits (%1 %2)</translation>
        </message>
        <message>
            <source>cannot store the event: %1</source>
            <translation>impossible d’enregistrer l’événement : %1</translation>
        </message>
        <message>
            <source>cannot read the log: %1</source>
            <translation>impossible de lire le journal : %1</translation>
        </message>
        <message>
            <location filename="../../inventory/server/serverstore_payload.cpp" line="+34" />
            <source>event %1 (%2): %3</source>
            <translation>événement %1 (%2) : %3</translation>
        </message>
        <message>
            <location line="+89" />
            <source>«%1» is required</source>
            <translation>«%1» est obligatoire</translation>
        </message>
        <message>
            <location line="+23" />
            <source>«%1» has the wrong type or value</source>
            <translation>«%1» a un type ou une valeur incorrecte</translation>
        </message>
        <message>
            <location line="+5" />
            <source>unknown kind</source>
            <translation>type inconnu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>«tag» must equal the event's asset tag</source>
            <translation>«tag» doit être l'étiquette de l'événement</translation>
        </message>
        <message>
            <location line="+4" />
            <source>unknown state</source>
            <translation>état inconnu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>«verdict» must be PASS, WARN or FAIL</source>
            <translation>«verdict» doit valoir PASS, WARN ou FAIL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unknown HS reason</source>
            <translation>motif HS inconnu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>«role» must be worker, supervisor or desk</source>
            <translation>«role» doit valoir worker, supervisor ou desk</translation>
        </message>
        <message>
            <location line="+5" />
            <source>each component must be an object with a «kind»</source>
            <translation>chaque composant doit être un objet avec un «kind»</translation>
        </message>
        <message>
            <location line="+5" />
            <source>«items» must be a list of asset tags</source>
            <translation>«items» doit être une liste d'étiquettes de matériels</translation>
        </message>
        <message>
            <location filename="../../inventory/server/serverstore.cpp" line="+31" />
            <source>server store: %1: %2</source>
            <translation>base du serveur : %1 : %2</translation>
        </message>
        <message>
            <location line="+74" />
            <source>--db sqlite:PATH needs a path</source>
            <translation>--db sqlite:CHEMIN demande un chemin</translation>
        </message>
        <message>
            <location line="+9" />
            <source>invalid PostgreSQL URL %1</source>
            <translation>adresse PostgreSQL non valide %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>--db must be sqlite:PATH or postgresql://USER@HOST:PORT/DB (got «%1»)</source>
            <translation>--db doit être sqlite:CHEMIN ou postgresql://UTILISATEUR@HÔTE:PORT/BASE (reçu «%1»)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>the Qt SQL driver for %1 is not installed</source>
            <translation>le pilote Qt SQL pour %1 n'est pas installé</translation>
        </message>
        <message>
            <location line="+4" />
            <source>cannot open %1: %2</source>
            <translation>impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is not an SQLite database</source>
            <translation>%1 n'est pas une base de données SQLite</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 is a station's inventory, not a server database: give another file</source>
            <translation>%1 est l'inventaire d'un poste, pas une base de serveur : donnez un autre fichier</translation>
        </message>
        <message>
            <location line="+56" />
            <source>cannot start the schema upgrade: %1</source>
            <translation>impossible de démarrer la mise à jour du schéma : %1</translation>
        </message>
        <message>
            <location line="+26" />
            <source>cannot commit the schema: %1</source>
            <translation>impossible de valider le schéma : %1</translation>
        </message>
        <message>
            <location filename="../../inventory/server/serverstore_tokens.cpp" line="+30" />
            <source>the role must be station, supervisor, desk or ent</source>
            <translation>le rôle doit être station, supervisor, desk ou ent</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a token needs a name (1 to 128 characters)</source>
            <translation>un jeton doit avoir un nom (1 à 128 caractères)</translation>
        </message>
        <message>
            <location line="+35" />
            <source>no valid token «%1»</source>
            <translation>aucun jeton valide «%1»</translation>
        </message>
        <message>
            <location line="+9" />
            <source>missing or malformed token</source>
            <translation>jeton absent ou mal formé</translation>
        </message>
        <message>
            <location line="+15" />
            <source>unknown or revoked token</source>
            <translation>jeton inconnu ou retiré</translation>
        </message>
        <message>
            <location filename="../../inventory/server/serverstore.cpp" line="+27" />
            <source>the donor «%1» already exists</source>
            <translation>le donateur «%1» existe déjà</translation>
        </message>
        <message>
            <location line="+9" />
            <source>the lot «%1» already exists</source>
            <translation>le lot «%1» existe déjà</translation>
        </message>
        <message>
            <location line="+33" />
            <source>the tag %1 is already used</source>
            <translation>l'étiquette %1 est déjà utilisée</translation>
        </message>
        <message>
            <location line="+6" />
            <source>no lot «%1»</source>
            <translation>aucun lot «%1»</translation>
        </message>
        <message>
            <location line="+11" />
            <source>event %1 is about %2, an asset this server does not know</source>
            <translation>l'événement %1 concerne %2, un matériel que ce serveur ne connaît pas</translation>
        </message>
        <message>
            <location line="+11" />
            <source>%1 is %2, not %3: someone moved it meanwhile</source>
            <translation>%1 est %2, pas %3 : quelqu'un l'a déplacé entre-temps</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 cannot go from %2 to %3</source>
            <translation>%1 ne peut pas passer de %2 à %3</translation>
        </message>
        <message>
            <location line="+35" />
            <source>the kit «%1» already exists</source>
            <translation>le kit «%1» existe déjà</translation>
        </message>
        <message>
            <location line="+7" />
            <source>no asset %1 in this inventory</source>
            <translation>aucun matériel %1 dans cet inventaire</translation>
        </message>
        <message>
            <location line="+33" />
            <source>event %1: «%2» is not a valid asset tag</source>
            <translation>événement %1 : «%2» n'est pas une étiquette de matériel valide</translation>
        </message>
        <message>
            <location line="+6" />
            <source>event %1: a %2 is not about an asset</source>
            <translation>événement %1 : un %2 ne concerne pas un matériel</translation>
        </message>
        <message>
            <location line="+7" />
            <source>cannot start a transaction: %1</source>
            <translation>impossible de démarrer une transaction : %1</translation>
        </message>
        <message>
            <location line="+33" />
            <source>the server store returned no sequence number</source>
            <translation>la base du serveur n'a pas donné de numéro de séquence</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cannot commit: %1</source>
            <translation>impossible de valider : %1</translation>
        </message>
        <message>
            <location filename="../../inventory/server/serverstore_queries.cpp" line="+52" />
            <source>no asset %1</source>
            <translation>aucun matériel %1</translation>
        </message>
        <message>
            <source>event %1: %2</source>
            <translation>événement %1 : %2</translation>
        </message>
        <message>
            <source>the database connection was lost; push again</source>
            <translation>la connexion à la base est perdue ; renvoyez</translation>
        </message>
        <message>
            <source>backup: %1</source>
            <translation>sauvegarde : %1</translation>
        </message>
        <message>
            <source>%1 is not installed (postgresql-client)</source>
            <translation>%1 n'est pas installé (postgresql-client)</translation>
        </message>
        <message>
            <source>%1 failed: %2</source>
            <translation>%1 a échoué : %2</translation>
        </message>
        <message>
            <source>%1 exists: a backup never overwrites</source>
            <translation>%1 existe : une sauvegarde n'écrase jamais</translation>
        </message>
        <message>
            <source>no SQLite handle</source>
            <translation>pas de connexion SQLite</translation>
        </message>
        <message>
            <source>cannot create %1</source>
            <translation>impossible de créer %1</translation>
        </message>
        <message>
            <source>no backup %1</source>
            <translation>pas de sauvegarde %1</translation>
        </message>
        <message>
            <source>restore only into an empty database</source>
            <translation>restauration seulement dans une base vide</translation>
        </message>
        <message>
            <source>%1 is not a backup</source>
            <translation>%1 n'est pas une sauvegarde</translation>
        </message>
        <message>
            <source>the grant of %1 was already requested on %2</source>
            <translation>l'aide de %1 a déjà été demandée le %2</translation>
        </message>
        <message>
            <source>%1 received nothing yet: no grant</source>
            <translation>%1 n'a encore rien reçu : pas d'aide</translation>
        </message>
        <message>
            <source>the grant of %1 had to be requested by %2</source>
            <translation>l'aide de %1 devait être demandée avant le %2</translation>
        </message>
        <message>
            <source>the grant of %1 was never requested</source>
            <translation>l'aide de %1 n'a jamais été demandée</translation>
        </message>
        <message>
            <source>the grant of %1 was already paid on %2</source>
            <translation>l'aide de %1 a déjà été versée le %2</translation>
        </message>
        <message>
            <source>no beneficiary «%1»</source>
            <translation>aucun bénéficiaire «%1»</translation>
        </message>
    </context>
    <context>
        <name>Smart</name>
        <message>
            <location filename="../../hwtest/diag/smart.cpp" line="+220" />
            <source>the disk reports no SMART support</source>
            <translation>le disque n'a pas de SMART</translation>
        </message>
        <message>
            <location line="+6" />
            <source>libatasmart cannot parse the SMART attributes: %1</source>
            <translation>libatasmart ne peut pas lire les attributs SMART : %1</translation>
        </message>
        <message>
            <location line="+31" />
            <source>not JSON: %1 at offset %2</source>
            <translation>pas du JSON : %1 à la position %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>item %1 is not a smartctl -j output</source>
            <translation>l'élément %1 n'est pas une sortie de smartctl -j</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no smartctl output in the file</source>
            <translation>pas de sortie smartctl dans le fichier</translation>
        </message>
        <message>
            <location line="+9" />
            <source>libatasmart cannot create a blob disk</source>
            <translation>libatasmart ne peut pas créer un disque blob</translation>
        </message>
        <message>
            <location line="+4" />
            <source>not a libatasmart blob (%1 bytes)</source>
            <translation>pas un blob libatasmart (%1 octets)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>cannot open %1 with libatasmart: %2</source>
            <translation>impossible d'ouvrir %1 avec libatasmart : %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 does not answer ATA SMART: %2</source>
            <translation>%1 ne répond pas à ATA SMART : %2</translation>
        </message>
        <message>
            <location line="+14" />
            <source>%1 is not a device under /dev</source>
            <translation>%1 n'est pas un périphérique sous /dev</translation>
        </message>
        <message>
            <location line="+18" />
            <source>smartctl cannot read %1: %2</source>
            <translation>smartctl ne peut pas lire %1 : %2</translation>
        </message>
        <message>
            <location line="+18" />
            <source>no such device: %1</source>
            <translation>ce périphérique n'existe pas : %1</translation>
        </message>
        <message>
            <location line="+13" />
            <source>the drive's overall self-assessment is FAILED</source>
            <translation>le bilan général du disque est FAILED</translation>
        </message>
        <message>
            <location line="+8" />
            <source>attribute %1 %2 is at or below its threshold (%3 &lt;= %4)</source>
            <translation>l'attribut %1 %2 est au seuil ou en dessous (%3 &lt;= %4)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>libatasmart counts many bad sectors for the disk size</source>
            <translation>libatasmart compte beaucoup de secteurs défectueux pour la taille du disque</translation>
        </message>
        <message>
            <location line="+3" />
            <source>a logged self-test ended in a read failure</source>
            <translation>un autotest enregistré s'est terminé par une erreur de lecture</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 uncorrected read errors in the SCSI error log</source>
            <translation>%1 erreurs de lecture non corrigées dans le journal d'erreurs SCSI</translation>
        </message>
        <message>
            <location line="+4" />
            <source>NVMe critical warning 0x%1</source>
            <translation>alerte critique NVMe 0x%1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 NVMe media and data integrity errors</source>
            <translation>%1 erreurs NVMe de support et d'intégrité des données</translation>
        </message>
        <message>
            <location line="+3" />
            <source>NVMe available spare %1% below its threshold %2%</source>
            <translation>réserve disponible NVMe %1% sous son seuil %2%</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 reallocated sectors (attribute 5)</source>
            <translation>%1 secteurs réalloués (attribut 5)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1 pending sectors (attribute 197)</source>
            <translation>%1 secteurs en attente (attribut 197)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 offline uncorrectable sectors (attribute 198)</source>
            <translation>%1 secteurs non corrigeables hors ligne (attribut 198)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 reported uncorrectable errors (attribute 187)</source>
            <translation>%1 erreurs non corrigeables signalées (attribut 187)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 sectors in the SCSI grown defect list</source>
            <translation>%1 secteurs dans la liste des défauts SCSI (grown defect list)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>attribute %1 %2 went below its threshold in the past</source>
            <translation>l'attribut %1 %2 est passé sous son seuil dans le passé</translation>
        </message>
        <message>
            <location line="+6" />
            <source>NVMe wear at %1%</source>
            <translation>usure NVMe à %1%</translation>
        </message>
    </context>
    <context>
        <name>Smbios</name>
        <message>
            <location filename="../../hwtest/probe/smbios.cpp" line="+553" />
            <source>SMBIOS 3 entry point is truncated</source>
            <translation>le point d'entrée SMBIOS 3 est coupé</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SMBIOS 3 entry point checksum is wrong</source>
            <translation>la somme de contrôle du point d'entrée SMBIOS 3 est fausse</translation>
        </message>
        <message>
            <location line="+8" />
            <source>SMBIOS 2 entry point is truncated</source>
            <translation>le point d'entrée SMBIOS 2 est coupé</translation>
        </message>
        <message>
            <location line="+3" />
            <source>SMBIOS 2 entry point checksum is wrong</source>
            <translation>la somme de contrôle du point d'entrée SMBIOS 2 est fausse</translation>
        </message>
        <message>
            <location line="+14" />
            <source>legacy DMI entry point is truncated or its checksum is wrong</source>
            <translation>le point d'entrée DMI ancien est coupé ou sa somme de contrôle est fausse</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+13" />
            <source>no SMBIOS entry point signature (_SM_, _SM3_ or _DMI_)</source>
            <translation>pas de signature de point d'entrée SMBIOS (_SM_, _SM3_ ou _DMI_)</translation>
        </message>
        <message>
            <location line="-8" />
            <source>the SMBIOS table holds no structure</source>
            <translation>la table SMBIOS ne contient aucune structure</translation>
        </message>
        <message>
            <location line="+18" />
            <source>the dump's table address %1 lies outside the file</source>
            <translation>l'adresse de table %1 de la copie est en dehors du fichier</translation>
        </message>
        <message>
            <location line="+14" />
            <source>cannot read %1: %2</source>
            <translation>impossible de lire %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>Station</name>
        <message>
            <location filename="../station/main.cpp" line="+25" />
            <source>Établi bench test screens</source>
            <translation>Écrans de test d'Établi</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Screen to open: keyboard, screen or audio</source>
            <translation>Écran à ouvrir : keyboard, screen ou audio</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Monitor model from the EDID</source>
            <translation>Modèle de l'écran (EDID)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Record the result on this asset</source>
            <translation>Enregistrer le résultat sur ce matériel</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Inventory database</source>
            <translation>Base de l'inventaire</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Language: fr or en</source>
            <translation>Langue : fr ou en</translation>
        </message>
        <message>
            <location line="+9" />
            <source>usage: etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]</source>
            <translation>usage : etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]</translation>
        </message>
        <message>
            <source>NAME</source>
            <translation>NOM</translation>
        </message>
        <message>
            <source>TAG</source>
            <translation>ÉTIQUETTE</translation>
        </message>
        <message>
            <source>PATH</source>
            <translation>CHEMIN</translation>
        </message>
        <message>
            <source>LANG</source>
            <translation>LANGUE</translation>
        </message>
        <message>
            <source>THEME</source>
            <translation>THÈME</translation>
        </message>
        <message>
            <source>Pixels per inch of the bench panel (default: the setting station.panel_ppi, else 96)</source>
            <translation>Points par pouce de l'écran du poste (par défaut : le réglage station.panel_ppi, sinon 96)</translation>
        </message>
        <message>
            <source>Colours: normal or high-contrast</source>
            <translation>Couleurs : normal ou high-contrast (contraste élevé)</translation>
        </message>
        <message>
            <source>Text size, 1 to 2 (2 is 200 %)</source>
            <translation>Taille du texte, de 1 à 2 (2 = 200 %)</translation>
        </message>
        <message>
            <source>unknown or missing test screen</source>
            <translation>écran de test inconnu ou absent</translation>
        </message>
        <message>
            <source>unknown language %1 (fr or en)</source>
            <translation>langue inconnue %1 (fr ou en)</translation>
        </message>
        <message>
            <source>panel ppi %1 is not a number from 50 to 600</source>
            <translation>ppi de l'écran %1 : il faut un nombre de 50 à 600</translation>
        </message>
        <message>
            <source>unknown theme %1 (normal or high-contrast)</source>
            <translation>thème inconnu %1 (normal ou high-contrast)</translation>
        </message>
        <message>
            <source>text scale %1 is not a number from 1 to 2</source>
            <translation>taille du texte %1 : il faut un nombre de 1 à 2</translation>
        </message>
        <message>
            <source>No inventory at %1: the result could not be saved.</source>
            <translation>Pas d'inventaire à %1 : le résultat ne pourrait pas être enregistré.</translation>
        </message>
        <message>
            <source>Asset %1 is not in the inventory %2.</source>
            <translation>Le matériel %1 n'est pas dans l'inventaire %2.</translation>
        </message>
        <message>
            <source>Which station: bench (default)</source>
            <translation>Quel poste : bench (par défaut)</translation>
        </message>
        <message>
            <source>ROLE</source>
            <translation>RÔLE</translation>
        </message>
        <message>
            <source>Run the bench on the demo machine, with its own temporary inventory</source>
            <translation>Lancer le poste sur la machine de démonstration, avec son propre inventaire temporaire</translation>
        </message>
        <message>
            <source>With --demo: walk the whole flow alone and save each screen here</source>
            <translation>Avec --demo : faire tout le parcours seul et enregistrer chaque écran ici</translation>
        </message>
        <message>
            <source>DIR</source>
            <translation>DOSSIER</translation>
        </message>
        <message>
            <source>Window size, e.g. 1366x768</source>
            <translation>Taille de la fenêtre, par exemple 1366x768</translation>
        </message>
        <message>
            <source>unknown role %1 (bench)</source>
            <translation>rôle inconnu %1 (bench)</translation>
        </message>
        <message>
            <source>--screenshots needs --demo</source>
            <translation>--screenshots demande --demo</translation>
        </message>
        <message>
            <source>no display to open the station on: start it in a graphical session, or draw it offscreen with --demo --screenshots DIR</source>
            <translation>pas d'écran pour ouvrir la station : la lancer dans une session graphique, ou la dessiner hors écran avec --demo --screenshots DOSSIER</translation>
        </message>
        <message>
            <source>size %1 is not WIDTHxHEIGHT, e.g. 1366x768</source>
            <translation>la taille %1 n'est pas LARGEURxHAUTEUR, par exemple 1366x768</translation>
        </message>
        <message>
            <source>Demo inventory: %1</source>
            <translation>Inventaire de démonstration : %1</translation>
        </message>
        <message>
            <source>Print when the first frame is shown, then quit (benchmark)</source>
            <translation>Écrire quand la première image est affichée, puis quitter (mesure)</translation>
        </message>
        <message>
            <source>Redraw for S seconds, print the longest frame gap, quit (benchmark)</source>
            <translation>Redessiner pendant S secondes, écrire le plus long écart entre deux images, quitter (mesure)</translation>
        </message>
        <message>
            <source>With --demo: open the demo on this screen (login, asset, a step, erase-confirm, work, meanwhile, finished; two-pcs: two PCs open, for the kill test; resume: reopen them after a restart)</source>
            <translation>Avec --demo : ouvrir la démonstration sur cet écran (login, asset, une étape, erase-confirm, work, meanwhile, finished ; two-pcs : deux PC ouverts, pour le test d'arrêt brutal ; resume : les rouvrir après un redémarrage)</translation>
        </message>
        <message>
            <source>SCREEN</source>
            <translation>ÉCRAN</translation>
        </message>
        <message>
            <source>--start-at needs --demo, without --screenshots</source>
            <translation>--start-at demande --demo, sans --screenshots</translation>
        </message>
        <message>
            <source>unknown screen %1 (%2)</source>
            <translation>écran inconnu %1 (%2)</translation>
        </message>
        <message>
            <source>A demo desk with made-up families</source>
            <translation>Un guichet de démonstration avec des familles inventées</translation>
        </message>
        <message>
            <source>Établi distribution desk</source>
            <translation>Établi, guichet de distribution</translation>
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
            <location line="+80" />
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
        <message>
            <source>no writer for the event type %1</source>
            <translation>aucune écriture pour le type d'événement %1</translation>
        </message>
        <message>
            <source>cannot use the inventory %1: %2</source>
            <translation>impossible d'utiliser l'inventaire %1 : %2</translation>
        </message>
        <message>
            <source>cannot create the inventory %1: %2</source>
            <translation>impossible de créer l'inventaire %1 : %2</translation>
        </message>
        <message>
            <source>%1 is empty: the inventory is damaged (a new one is made only where there is no file; move this one away first)</source>
            <translation>%1 est vide : l'inventaire est endommagé (un nouveau n'est créé que là où il n'y a pas de fichier ; déplacez d'abord celui-ci)</translation>
        </message>
        <message>
            <source>%1 is damaged: %2</source>
            <translation>%1 est endommagé : %2</translation>
        </message>
    </context>
    <context>
        <name>SurfaceScan</name>
        <message>
            <location filename="../../hwtest/diag/surfacescan.cpp" line="+50" />
            <source>cannot open %1: %2</source>
            <translation>impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot stat %1</source>
            <translation>impossible d'obtenir les informations de %1</translation>
        </message>
        <message>
            <location line="+7" />
            <source>cannot get the size of %1</source>
            <translation>impossible d'obtenir la taille de %1</translation>
        </message>
        <message>
            <location line="+9" />
            <source>%1 is neither a block device nor a regular file</source>
            <translation>%1 n'est ni un disque (périphérique bloc) ni un fichier normal</translation>
        </message>
        <message>
            <location line="+153" />
            <source>%1 unreadable sectors, first at sector %2</source>
            <translation>%1 secteurs illisibles, le premier au secteur %2</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 of %2 reads took %3 ms or more</source>
            <translation>%1 lectures sur %2 ont pris %3 ms ou plus</translation>
        </message>
        <message>
            <location line="+6" />
            <source>the scan stopped at %1 of %2 bytes</source>
            <translation>le test s'est arrêté à %1 octets sur %2</translation>
        </message>
    </context>
    <context>
        <name>ToolRunner</name>
        <message>
            <location filename="../../hwtest/diag/toolrunner.cpp" line="+20" />
            <source>%1 is not an allowed tool</source>
            <translation>%1 n'est pas un outil autorisé</translation>
        </message>
        <message>
            <location line="+7" />
            <source>%1 is not installed (package smartmontools)</source>
            <translation>%1 n'est pas installé (paquet smartmontools)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot start %1: %2</source>
            <translation>impossible de démarrer %1 : %2</translation>
        </message>
        <message>
            <location line="+6" />
            <source>%1 did not finish in %2 s</source>
            <translation>%1 n'a pas fini en %2 s</translation>
        </message>
    </context>
    <context>
        <name>etabli-server</name>
        <message>
            <location filename="../../inventory/server/main.cpp" line="+36" />
            <source>usage: etabli-server --db DB --listen ADDR:PORT [--tls-cert FILE --tls-key FILE]
       etabli-server --db DB token create --role station|supervisor|desk|ent --name NAME
       etabli-server --db DB token list [--json]
       etabli-server --db DB token revoke ID|NAME</source>
            <translation>usage : etabli-server --db DB --listen ADDR:PORT [--tls-cert FICHIER --tls-key FICHIER]
       etabli-server --db DB token create --role station|supervisor|desk|ent --name NOM
       etabli-server --db DB token list [--json]
       etabli-server --db DB token revoke ID|NOM</translation>
        </message>
        <message>
            <location line="+17" />
            <source>token create needs --role and --name</source>
            <translation>token create demande --role et --name</translation>
        </message>
        <message>
            <location line="+4" />
            <source>token for %1 (%2): keep it now, it is shown only once</source>
            <translation>jeton pour %1 (%2) : gardez-le maintenant, il n'est montré qu'une fois</translation>
        </message>
        <message>
            <location line="+18" />
            <source>valid</source>
            <translation>valide</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+12" />
            <source>revoked %1</source>
            <translation>révoqué %1</translation>
        </message>
        <message>
            <location line="-3" />
            <source>token revoke needs one ID or NAME</source>
            <translation>token revoke demande un ID ou un NOM</translation>
        </message>
        <message>
            <location line="+6" />
            <source>unknown token command «%1»</source>
            <translation>commande de jeton inconnue «%1»</translation>
        </message>
        <message>
            <location line="+16" />
            <source>sqlite:PATH or postgresql://USER@HOST:PORT/DB</source>
            <translation>sqlite:CHEMIN ou postgresql://UTILISATEUR@HÔTE:PORT/BASE</translation>
        </message>
        <message>
            <location line="+3" />
            <source>address and port, e.g. 127.0.0.1:8420</source>
            <translation>adresse et port, par ex. 127.0.0.1:8420</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PEM certificate</source>
            <translation>certificat PEM</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PEM private key</source>
            <translation>clé privée PEM</translation>
        </message>
        <message>
            <location line="+2" />
            <source>token role</source>
            <translation>rôle du jeton</translation>
        </message>
        <message>
            <location line="+1" />
            <source>token name</source>
            <translation>nom du jeton</translation>
        </message>
        <message>
            <location line="+1" />
            <source>JSON output</source>
            <translation>sortie JSON</translation>
        </message>
        <message>
            <location line="+1" />
            <source>fr or en</source>
            <translation>fr ou en</translation>
        </message>
        <message>
            <location line="+10" />
            <source>--db is required</source>
            <translation>--db est obligatoire</translation>
        </message>
        <message>
            <location line="+10" />
            <source>unknown command «%1»</source>
            <translation>commande inconnue «%1»</translation>
        </message>
        <message>
            <location line="+13" />
            <source>--listen must be ADDR:PORT (e.g. 127.0.0.1:8420), got «%1»</source>
            <translation>--listen doit être ADRESSE:PORT (par ex. 127.0.0.1:8420), reçu «%1»</translation>
        </message>
        <message>
            <location line="+4" />
            <source>plain HTTP is only allowed on loopback: give --tls-cert and --tls-key to listen on %1</source>
            <translation>le HTTP sans chiffrement n'est permis que sur la boucle locale : donnez --tls-cert et --tls-key pour écouter sur %1</translation>
        </message>
        <message>
            <location line="+16" />
            <source>cannot read the TLS certificate or key</source>
            <translation>impossible de lire le certificat ou la clé TLS</translation>
        </message>
        <message>
            <location line="+10" />
            <source>the TLS certificate or key is not valid PEM</source>
            <translation>le certificat ou la clé TLS n'est pas un PEM valide</translation>
        </message>
        <message>
            <location line="+6" />
            <source>cannot listen on %1</source>
            <translation>impossible d'écouter sur %1</translation>
        </message>
        <message>
            <location filename="../../inventory/server/main.cpp" line="+36" />
            <source>usage: etabli-server --db DB --listen ADDR:PORT [--tls-cert FILE --tls-key FILE]
         [--workers N] [--idle-timeout SECONDS] [--max-connections-per-client N]
       etabli-server --db DB token create --role station|supervisor|desk|ent --name NAME
       etabli-server --db DB token list [--json]
       etabli-server --db DB token revoke ID|NAME
       etabli-server --db DB rebuild | backup FILE | restore FILE</source>
            <translation>usage : etabli-server --db DB --listen ADDR:PORT [--tls-cert FICHIER --tls-key FICHIER]
         [--workers N] [--idle-timeout SECONDES] [--max-connections-per-client N]
       etabli-server --db DB token create --role station|supervisor|desk|ent --name NAME
       etabli-server --db DB token list [--json]
       etabli-server --db DB token revoke ID|NAME
       etabli-server --db DB rebuild | backup FICHIER | restore FICHIER</translation>
        </message>
        <message>
            <source>figures and event counts recounted from the log</source>
            <translation>chiffres et comptes d'événements recomptés depuis le journal</translation>
        </message>
        <message>
            <source>requests handled at once (default: four per core, at least 16)</source>
            <translation>requêtes traitées en même temps (par défaut : quatre par cœur, au moins 16)</translation>
        </message>
        <message>
            <source>close a connection idle this long (default 60 seconds)</source>
            <translation>fermer une connexion inactive depuis ce temps (par défaut 60 secondes)</translation>
        </message>
        <message>
            <source>connections one client address may hold (default 100)</source>
            <translation>connexions qu'une adresse cliente peut garder (par défaut 100)</translation>
        </message>
        <message>
            <source>--workers takes 1 to 256, --idle-timeout 0.05 to 86400 seconds, --max-connections-per-client 1 or more</source>
            <translation>--workers prend de 1 à 256, --idle-timeout de 0,05 à 86400 secondes, --max-connections-per-client 1 ou plus</translation>
        </message>
        <message>
            <source>backed up into %1</source>
            <translation>sauvegardé dans %1</translation>
        </message>
        <message>
            <source>restored from %1</source>
            <translation>restauré depuis %1</translation>
        </message>
        <message>
            <source>the certification key %1 does not exist; give a FILE.key path to make one there</source>
            <translation>la clé de certification %1 n'existe pas ; donnez un chemin FICHIER.key pour en créer une</translation>
        </message>
        <message>
            <source>the certification key %1 is readable by others: chmod 600 it (and consider it disclosed)</source>
            <translation>la clé de certification %1 est lisible par d'autres : faites chmod 600 (et considérez-la divulguée)</translation>
        </message>
        <message>
            <source>%1 is not an Ed25519 secret key</source>
            <translation>%1 n'est pas une clé secrète Ed25519</translation>
        </message>
        <message>
            <source>the workshop's certification key, made (0600) if missing; endorses station keys (default $ETABLI_CERTIFICATION_KEY)</source>
            <translation>la clé de certification de l'atelier, créée (0600) si elle manque ; approuve les clés des postes (par défaut $ETABLI_CERTIFICATION_KEY)</translation>
        </message>
        <message>
            <source>certification key made in %1, public key %2: %3</source>
            <translation>clé de certification créée dans %1, clé publique %2 : %3</translation>
        </message>
        <message>
            <source>certification key %1 (public key %2): %3</source>
            <translation>clé de certification %1 (clé publique %2) : %3</translation>
        </message>
        <message>
            <source>serve the masters of DIR at /api/v1/masters/NAME.qcow2 (station tokens)</source>
            <translation>servir les masters de DOSSIER sur /api/v1/masters/NOM.qcow2 (jetons de poste)</translation>
        </message>
        <message>
            <source>--masters: %1 is not a readable directory</source>
            <translation>--masters : %1 n'est pas un dossier lisible</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Inventory::EventRules</name>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>unknown event type «%1» (one of %2)</source>
            <translation>type d'événement inconnu «%1» (un de %2)</translation>
        </message>
        <message>
            <source>%1: «%2» is not a valid asset tag</source>
            <translation>%1 : «%2» n'est pas un tag valide</translation>
        </message>
        <message>
            <source>%1: this event type is not about an asset</source>
            <translation>%1 : ce type d'événement ne concerne pas un matériel</translation>
        </message>
        <message>
            <source>unknown key «%1» (the keys are %2)</source>
            <translation>clé inconnue «%1» (les clés sont %2)</translation>
        </message>
        <message>
            <source>«%1» is required</source>
            <translation>«%1» est obligatoire</translation>
        </message>
        <message>
            <source>«%1» must be a string</source>
            <translation>«%1» doit être un texte</translation>
        </message>
        <message>
            <source>«%1» must not be empty</source>
            <translation>«%1» ne doit pas être vide</translation>
        </message>
        <message>
            <source>«%1» is too long (at most %2 characters)</source>
            <translation>«%1» est trop long (%2 caractères au plus)</translation>
        </message>
        <message>
            <source>«%1» must be a whole number from 0 to %2</source>
            <translation>«%1» doit être un nombre entier de 0 à %2</translation>
        </message>
        <message>
            <source>«%1» must be a number, not negative</source>
            <translation>«%1» doit être un nombre positif ou nul</translation>
        </message>
        <message>
            <source>«%1» must be true or false</source>
            <translation>«%1» doit être true ou false</translation>
        </message>
        <message>
            <source>«%1» must be an object</source>
            <translation>«%1» doit être un objet</translation>
        </message>
        <message>
            <source>«%1» must be a list</source>
            <translation>«%1» doit être une liste</translation>
        </message>
        <message>
            <source>unknown kind (pc, screen, keyboard, mouse, speakers, part)</source>
            <translation>genre inconnu (pc, screen, keyboard, mouse, speakers, part)</translation>
        </message>
        <message>
            <source>«tag» must equal the event's asset tag</source>
            <translation>«tag» doit être le tag de l'événement</translation>
        </message>
        <message>
            <source>unknown state (one of %1)</source>
            <translation>état inconnu (un de %1)</translation>
        </message>
        <message>
            <source>«verdict» must be PASS, WARN or FAIL</source>
            <translation>«verdict» doit être PASS, WARN ou FAIL</translation>
        </message>
        <message>
            <source>unknown part «%1» (one of %2)</source>
            <translation>pièce inconnue «%1» (une de %2)</translation>
        </message>
        <message>
            <source>unknown reason «%1» (one of %2)</source>
            <translation>raison inconnue «%1» (une de %2)</translation>
        </message>
        <message>
            <source>«role» must be worker, supervisor or desk</source>
            <translation>«role» doit être worker, supervisor ou desk</translation>
        </message>
        <message>
            <source>each component must be an object with a «kind»</source>
            <translation>chaque composant doit être un objet avec un «kind»</translation>
        </message>
        <message>
            <source>«items» must be a list of asset tags</source>
            <translation>«items» doit être une liste de tags</translation>
        </message>
        <message>
            <source>the donor «%1» already exists</source>
            <translation>le donateur «%1» existe déjà</translation>
        </message>
        <message>
            <source>the lot «%1» already exists</source>
            <translation>le lot «%1» existe déjà</translation>
        </message>
        <message>
            <source>the tag %1 is already used</source>
            <translation>le tag %1 est déjà utilisé</translation>
        </message>
        <message>
            <source>no lot «%1»</source>
            <translation>aucun lot «%1»</translation>
        </message>
        <message>
            <source>no asset %1 in this inventory</source>
            <translation>aucun matériel %1 dans cet inventaire</translation>
        </message>
        <message>
            <source>%1 is %2, not %3: someone moved it meanwhile</source>
            <translation>%1 est %2, pas %3 : quelqu'un l'a déplacé entre-temps</translation>
        </message>
        <message>
            <source>the kit «%1» already exists</source>
            <translation>le kit «%1» existe déjà</translation>
        </message>
        <message>
            <source>the erasure must be checked by a different worker than %1</source>
            <translation>l'effacement doit être contrôlé par une autre personne que %1</translation>
        </message>
        <message>
            <source>«kind» must be family, teacher or association</source>
            <translation>«kind» doit valoir family, teacher ou association</translation>
        </message>
        <message>
            <source>«status» must be started, done, skipped or failed</source>
            <translation>«status» doit valoir started, done, skipped ou failed</translation>
        </message>
        <message>
            <source>«session» must be from 1 to 6</source>
            <translation>«session» doit aller de 1 à 6</translation>
        </message>
    </context>
    <context>
        <name>QCommandLineParser</name>
        <message>
            <source>Displays help on commandline options.</source>
            <translation>Affiche l'aide des options.</translation>
        </message>
        <message>
            <source>Displays help including Qt specific options.</source>
            <translation>Affiche l'aide, avec les options propres à Qt.</translation>
        </message>
        <message>
            <source>Displays version information.</source>
            <translation>Affiche la version.</translation>
        </message>
        <message>
            <source>Usage: %1</source>
            <translation>Usage : %1</translation>
        </message>
        <message>
            <source>Options:</source>
            <translation>Options :</translation>
        </message>
        <message>
            <source>Arguments:</source>
            <translation>Arguments :</translation>
        </message>
        <message>
            <source>[options]</source>
            <translation>[options]</translation>
        </message>
        <message>
            <source>Unknown option '%1'.</source>
            <translation>Option inconnue « %1 ».</translation>
        </message>
        <message>
            <source>Unknown options: %1.</source>
            <translation>Options inconnues : %1.</translation>
        </message>
        <message>
            <source>Missing value after '%1'.</source>
            <translation>Valeur manquante après « %1 ».</translation>
        </message>
        <message>
            <source>Unexpected value after '%1'.</source>
            <translation>Valeur inattendue après « %1 ».</translation>
        </message>
    </context>
    <context>
        <name>KeyboardTestModel</name>
        <message numerus="yes">
            <source>%n key(s) not pressed.</source>
            <translation>
                <numerusform>%n touche n'a pas été appuyée.</numerusform>
                <numerusform>%n touches n'ont pas été appuyées.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n key(s) bounce.</source>
            <translation>
                <numerusform>%n touche rebondit.</numerusform>
                <numerusform>%n touches rebondissent.</numerusform>
            </translation>
        </message>
        <message>
            <source>The mouse test is not complete.</source>
            <translation>Le test de la souris n'est pas fini.</translation>
        </message>
        <message>
            <source>All keys and the mouse work.</source>
            <translation>Toutes les touches et la souris marchent.</translation>
        </message>
    </context>
    <context>
        <name>ScreenTestModel</name>
        <message numerus="yes">
            <source>%n defect(s) marked.</source>
            <translation>
                <numerusform>%n défaut marqué.</numerusform>
                <numerusform>%n défauts marqués.</numerusform>
            </translation>
        </message>
        <message>
            <source>No defect was marked.</source>
            <translation>Aucun défaut n'a été marqué.</translation>
        </message>
        <message>
            <source>The test was stopped early.</source>
            <translation>Le test a été arrêté avant la fin.</translation>
        </message>
    </context>
    <context>
        <name>ResultPage</name>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Test passed</source>
            <translation>Test réussi</translation>
        </message>
        <message>
            <source>Test failed</source>
            <translation>Test raté</translation>
        </message>
        <message>
            <source>Test to check again</source>
            <translation>Test à vérifier</translation>
        </message>
        <message>
            <source>Not saved: %1. Call the supervisor.</source>
            <translation>Pas enregistré : %1. Appelle l'encadrant.</translation>
        </message>
    </context>
    <context>
        <name>HoldButton</name>
        <message numerus="yes">
            <source>Hold for %n second(s) to confirm</source>
            <translation>
                <numerusform>Gardez le doigt %n seconde pour confirmer</numerusform>
                <numerusform>Gardez le doigt %n secondes pour confirmer</numerusform>
            </translation>
        </message>
        <message>
            <source>Hold progress</source>
            <translation>Progression</translation>
        </message>
    </context>
    <context>
        <name>ListenButton</name>
        <message>
            <source>Listen</source>
            <translation>Écouter</translation>
        </message>
        <message>
            <source>Listen to the instructions</source>
            <translation>Écouter la consigne</translation>
        </message>
    </context>
    <context>
        <name>AboutPage</name>
        <message>
            <source>About Établi</source>
            <translation>À propos d'Établi</translation>
        </message>
        <message>
            <source>The station software of the workshop.</source>
            <translation>Le logiciel des postes de l'atelier.</translation>
        </message>
        <message>
            <source>GNU GPL version 3 or later</source>
            <translation>GNU GPL version 3 ou plus récente</translation>
        </message>
        <message>
            <source>The font, by the Braille Institute of America.</source>
            <translation>La police de caractères, du Braille Institute of America.</translation>
        </message>
        <message>
            <source>SIL Open Font License 1.1</source>
            <translation>SIL Open Font License 1.1</translation>
        </message>
        <message>
            <source>The pictograms, by OpenMoji (openmoji.org).</source>
            <translation>Les pictogrammes, d'OpenMoji (openmoji.org).</translation>
        </message>
        <message>
            <source>Creative Commons BY-SA 4.0</source>
            <translation>Creative Commons BY-SA 4.0</translation>
        </message>
        <message>
            <source>The toolkit, by The Qt Company and the Qt Project.</source>
            <translation>La boîte à outils, de The Qt Company et du projet Qt.</translation>
        </message>
        <message>
            <source>GNU LGPL version 3</source>
            <translation>GNU LGPL version 3</translation>
        </message>
        <message>
            <source>Licence: %1.</source>
            <translation>Licence : %1.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::ImagingRun</name>
        <message>
            <source>no target to write</source>
            <translation>aucune cible à écrire</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::HelperClient</name>
        <message>
            <source>the disk helper stopped</source>
            <translation>l'assistant disque s'est arrêté</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::HelperProtocol</name>
        <message>
            <source>the master is a local path, an https:// master of etabli-server or a multicast://GROUP:PORT?master=https://… address</source>
            <translation>le master est un chemin local, un master https:// d&apos;etabli-server ou une adresse multicast://GROUPE:PORT?master=https://…</translation>
        </message>
        <message>
            <source>token, ca and cache are for a master on the network</source>
            <translation>token, ca et cache ne servent que pour un master sur le réseau</translation>
        </message>
        <message>
            <source>a master on the network is https://SERVER/api/v1/masters/NAME.qcow2 (http:// only on this machine&apos;s loopback), got «%1»</source>
            <translation>un master sur le réseau est https://SERVEUR/api/v1/masters/NOM.qcow2 (http:// seulement sur la boucle locale de cette machine), reçu « %1 »</translation>
        </message>
        <message>
            <source>a master on the network needs the station&apos;s token (1 to 512 letters, digits or -._~+/=)</source>
            <translation>un master sur le réseau demande le jeton du poste (1 à 512 lettres, chiffres ou -._~+/=)</translation>
        </message>
        <message>
            <source>%1 must be an absolute path: «%2»</source>
            <translation>%1 doit être un chemin absolu : « %2 »</translation>
        </message>
        <message>
            <source>the request line is longer than %1 bytes</source>
            <translation>la ligne de requête dépasse %1 octets</translation>
        </message>
        <message>
            <source>the request is not a JSON object: %1</source>
            <translation>la requête n'est pas un objet JSON : %1</translation>
        </message>
        <message>
            <source>another JSON value</source>
            <translation>une autre valeur JSON</translation>
        </message>
        <message>
            <source>the request needs an "id" of 1 to 64 letters, digits, '.', '_' or '-'</source>
            <translation>la requête doit avoir un « id » de 1 à 64 lettres, chiffres, « . », « _ » ou « - »</translation>
        </message>
        <message>
            <source>unknown verb «%1»</source>
            <translation>verbe inconnu « %1 »</translation>
        </message>
        <message>
            <source>unknown key «%1» for %2</source>
            <translation>clé inconnue « %1 » pour %2</translation>
        </message>
        <message>
            <source>the key «%1» has the wrong type or is too long</source>
            <translation>la clé « %1 » n'a pas le bon type ou est trop longue</translation>
        </message>
        <message>
            <source>%1 needs the key «%2»</source>
            <translation>%1 demande la clé « %2 »</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Helper::Helper</name>
        <message>
            <source>the CA %1 must be a certificate file (PEM) that anyone may read</source>
            <translation>l&apos;autorité %1 doit être un fichier de certificat (PEM) lisible par tous</translation>
        </message>
        <message>
            <source>the cache %1 must be a file or a disk</source>
            <translation>le cache %1 doit être un fichier ou un disque</translation>
        </message>
        <message>
            <source>the cache %1 is the disk being written</source>
            <translation>le cache %1 est le disque en cours d&apos;écriture</translation>
        </message>
        <message>
            <source>%1 must be an absolute path: «%2»</source>
            <translation>%1 doit être un chemin absolu : « %2 »</translation>
        </message>
        <message>
            <source>the request line is longer than %1 bytes</source>
            <translation>la ligne de requête dépasse %1 octets</translation>
        </message>
        <message>
            <source>another job (%1) is running</source>
            <translation>une autre tâche (%1) est en cours</translation>
        </message>
        <message>
            <source>no handler for this verb</source>
            <translation>aucun traitement pour ce verbe</translation>
        </message>
        <message>
            <source>give 1 to 16 targets</source>
            <translation>donnez de 1 à 16 cibles</translation>
        </message>
        <message>
            <source>give one serial per target, in the same order</source>
            <translation>donnez un numéro de série par cible, dans le même ordre</translation>
        </message>
        <message>
            <source>nothing written</source>
            <translation>rien n'a été écrit</translation>
        </message>
        <message>
            <source>the surface scan was cancelled</source>
            <translation>le test de surface a été annulé</translation>
        </message>
        <message>
            <source>the disk's serial must be confirmed</source>
            <translation>le numéro de série du disque doit être confirmé</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::Erasure</name>
        <message>
            <source>cannot write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <source>--method must be clear, purge or auto, not «%1»</source>
            <translation>--method doit valoir clear, purge ou auto, pas «%1»</translation>
        </message>
        <message>
            <source>%1 does not exist</source>
            <translation>%1 n'existe pas</translation>
        </message>
        <message>
            <source>no inventory to record the erasure in</source>
            <translation>aucun inventaire où enregistrer l'effacement</translation>
        </message>
        <message>
            <source>%1 hides %2 bytes (HPA/DCO): confirm restoring its native size (--restore-hidden) before erasing, or it would keep data there</source>
            <translation>%1 cache %2 octets (HPA/DCO) : confirmez la remise à sa taille d'origine (--restore-hidden) avant d'effacer, sinon des données y resteraient</translation>
        </message>
        <message>
            <source>%1 offers no usable purge: %2</source>
            <translation>%1 n'offre aucune purge utilisable : %2</translation>
        </message>
        <message>
            <source>Clear was asked for</source>
            <translation>l'effacement par réécriture (Clear) a été demandé</translation>
        </message>
        <message>
            <source>method: %1 (%2): %3</source>
            <translation>méthode : %1 (%2) : %3</translation>
        </message>
        <message>
            <source>purge done; %1 % of the sampled blocks changed</source>
            <translation>purge terminée ; %1 % des blocs échantillonnés ont changé</translation>
        </message>
        <message>
            <source>sample plan: %1</source>
            <translation>plan d'échantillonnage : %1</translation>
        </message>
        <message>
            <source>warning: no sampled block changed: the drive may not have erased anything; the overwrite pass that follows clears it anyway</source>
            <translation>attention : aucun bloc échantillonné n'a changé : le disque n'a peut-être rien effacé ; la réécriture qui suit l'efface de toute façon</translation>
        </message>
        <message>
            <source>cannot read %1: %2</source>
            <translation>impossible de lire %1 : %2</translation>
        </message>
        <message>
            <source>%1 is empty: nothing to re-read</source>
            <translation>%1 est vide : rien à relire</translation>
        </message>
        <message>
            <source>cannot read %1 at offset %2</source>
            <translation>impossible de lire %1 à la position %2</translation>
        </message>
        <message>
            <source>no erasure with the certificate or asset «%1»</source>
            <translation>aucun effacement avec le certificat ou la machine «%1»</translation>
        </message>
        <message>
            <source>give the checker's badge (--checker)</source>
            <translation>donnez le badge de la personne qui contrôle (--checker)</translation>
        </message>
        <message>
            <source>the erasure of %1 has no certificate to check</source>
            <translation>l'effacement de %1 n'a pas de certificat à contrôler</translation>
        </message>
        <message>
            <source>the erasure %1 was already checked by %2</source>
            <translation>l'effacement %1 a déjà été contrôlé par %2</translation>
        </message>
        <message>
            <source>%1 did this erasure: a different worker must check it</source>
            <translation>%1 a fait cet effacement : une autre personne doit le contrôler</translation>
        </message>
        <message>
            <source>the erasure %1 wrote the pattern «%2»: only zeros can be re-read</source>
            <translation>l'effacement %1 a écrit le motif «%2» : seuls les zéros peuvent être relus</translation>
        </message>
        <message>
            <source>the sector at offset %1 of %2 is not zeros: the erasure is not confirmed</source>
            <translation>le secteur à la position %1 de %2 n'est pas à zéro : l'effacement n'est pas confirmé</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Imaging::Purge</name>
        <message>
            <source>IDENTIFY DEVICE returned %1 bytes, not 512</source>
            <translation>IDENTIFY DEVICE a renvoyé %1 octets, pas 512</translation>
        </message>
        <message>
            <source>IDENTIFY DEVICE data has a wrong checksum</source>
            <translation>les données IDENTIFY DEVICE ont une somme de contrôle fausse</translation>
        </message>
        <message>
            <source>DEVICE CONFIGURATION IDENTIFY returned %1 bytes, not 512</source>
            <translation>DEVICE CONFIGURATION IDENTIFY a renvoyé %1 octets, pas 512</translation>
        </message>
        <message>
            <source>DEVICE CONFIGURATION IDENTIFY data has a wrong checksum</source>
            <translation>les données DEVICE CONFIGURATION IDENTIFY ont une somme de contrôle fausse</translation>
        </message>
        <message>
            <source>Identify Controller returned %1 bytes, not 4096</source>
            <translation>Identify Controller a renvoyé %1 octets, pas 4096</translation>
        </message>
        <message>
            <source>Identify Namespace returned %1 bytes, not 4096</source>
            <translation>Identify Namespace a renvoyé %1 octets, pas 4096</translation>
        </message>
        <message>
            <source>the Sanitize Status log is %1 bytes long</source>
            <translation>le journal Sanitize Status fait %1 octets</translation>
        </message>
        <message>
            <source>SG_IO failed: %1</source>
            <translation>SG_IO a échoué : %1</translation>
        </message>
        <message>
            <source>the disk controller did not deliver the ATA command</source>
            <translation>le contrôleur de disque n'a pas transmis la commande ATA</translation>
        </message>
        <message>
            <source>the disk's bridge does not pass ATA commands through</source>
            <translation>l'adaptateur du disque ne transmet pas les commandes ATA</translation>
        </message>
        <message>
            <source>the NVMe admin command failed: %1</source>
            <translation>la commande d'administration NVMe a échoué : %1</translation>
        </message>
        <message>
            <source>the NVMe drive refused the command (status %1)</source>
            <translation>le disque NVMe a refusé la commande (statut %1)</translation>
        </message>
        <message>
            <source>%1 is not a block device</source>
            <translation>%1 n'est pas un périphérique bloc</translation>
        </message>
        <message>
            <source>%1 takes no ATA or NVMe commands</source>
            <translation>%1 n'accepte pas de commandes ATA ou NVMe</translation>
        </message>
        <message>
            <source>cannot open %1: %2</source>
            <translation>impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <source>With the PC on, unplug the drive's power cable and plug it back in (or suspend the PC and wake it up), then start the erasure again.</source>
            <translation>PC allumé, débranchez le câble d'alimentation du disque puis rebranchez-le (ou mettez le PC en veille puis réveillez-le), puis relancez l'effacement.</translation>
        </message>
        <message>
            <source>the drive refused IDENTIFY DEVICE</source>
            <translation>le disque a refusé IDENTIFY DEVICE</translation>
        </message>
        <message>
            <source>hidden area (HPA): %1 bytes after the visible end of the disk</source>
            <translation>zone cachée (HPA) : %1 octets après la fin visible du disque</translation>
        </message>
        <message>
            <source>the drive was made smaller (DCO): %1 bytes are hidden</source>
            <translation>le disque a été réduit (DCO) : %1 octets sont cachés</translation>
        </message>
        <message>
            <source>a sanitize started earlier is still running (%1 %): waiting for it</source>
            <translation>un nettoyage (sanitize) commencé plus tôt est encore en cours (%1 %) : on l'attend</translation>
        </message>
        <message>
            <source>the last sanitize of this drive failed: it must be sanitized again</source>
            <translation>le dernier nettoyage (sanitize) de ce disque a échoué : il faut le refaire</translation>
        </message>
        <message>
            <source>the drive is frozen: its firmware erase is locked until it is powered off and on. %1</source>
            <translation>le disque est gelé : son effacement interne est bloqué jusqu'à ce qu'il soit éteint puis rallumé. %1</translation>
        </message>
        <message>
            <source>the drive takes no firmware erase commands here (file, loop device or a USB bridge without ATA pass-through): overwriting it (Clear)</source>
            <translation>ici le disque n'accepte pas de commande d'effacement interne (fichier, périphérique loop ou adaptateur USB sans transmission ATA) : il est réécrit (Clear)</translation>
        </message>
        <message>
            <source>a sanitize interrupted by a power cut is still running in the drive: waiting for it to finish</source>
            <translation>un nettoyage (sanitize) interrompu par une coupure de courant continue dans le disque : on attend qu'il finisse</translation>
        </message>
        <message>
            <source> (the last sanitize failed: starting it again)</source>
            <translation> (le dernier nettoyage a échoué : on le relance)</translation>
        </message>
        <message>
            <source>NVMe Sanitize with crypto erase: the drive destroys the key of all its data, spare blocks included</source>
            <translation>NVMe Sanitize par effacement cryptographique : le disque détruit la clé de toutes ses données, blocs de réserve compris</translation>
        </message>
        <message>
            <source>NVMe Sanitize with block erase: the drive erases every flash block, spare blocks included</source>
            <translation>NVMe Sanitize par effacement de blocs : le disque efface chaque bloc de mémoire flash, blocs de réserve compris</translation>
        </message>
        <message>
            <source>NVMe Format with cryptographic erase (no Sanitize offered)</source>
            <translation>NVMe Format avec effacement cryptographique (pas de Sanitize proposé)</translation>
        </message>
        <message>
            <source>NVMe Sanitize with overwrite</source>
            <translation>NVMe Sanitize par réécriture</translation>
        </message>
        <message>
            <source>NVMe Format with user data erase (the only firmware erase the drive offers)</source>
            <translation>NVMe Format avec effacement des données (le seul effacement interne que propose le disque)</translation>
        </message>
        <message>
            <source>the NVMe drive offers neither Sanitize nor Format: overwriting it (Clear)</source>
            <translation>le disque NVMe ne propose ni Sanitize ni Format : il est réécrit (Clear)</translation>
        </message>
        <message>
            <source>ATA SANITIZE crypto scramble: the drive changes the key of all its data</source>
            <translation>ATA SANITIZE crypto scramble : le disque change la clé de toutes ses données</translation>
        </message>
        <message>
            <source>ATA SANITIZE block erase: every flash block erased, spare blocks included</source>
            <translation>ATA SANITIZE block erase : chaque bloc de mémoire flash est effacé, blocs de réserve compris</translation>
        </message>
        <message>
            <source>ATA SANITIZE overwrite: the drive overwrites every sector, remapped ones included</source>
            <translation>ATA SANITIZE overwrite : le disque réécrit chaque secteur, secteurs réalloués compris</translation>
        </message>
        <message>
            <source>ATA SANITIZE block erase</source>
            <translation>ATA SANITIZE block erase</translation>
        </message>
        <message>
            <source>ATA Security Erase is frozen by the PC's firmware. %1 Meanwhile: overwriting it (Clear)</source>
            <translation>ATA Security Erase est gelé par le micrologiciel du PC. %1 En attendant : le disque est réécrit (Clear)</translation>
        </message>
        <message>
            <source>the drive is locked by a password someone else set: overwriting what can be reached (Clear); a locked drive should be destroyed</source>
            <translation>le disque est verrouillé par un mot de passe posé par quelqu'un d'autre : réécriture de ce qui est accessible (Clear) ; un disque verrouillé devrait être détruit</translation>
        </message>
        <message>
            <source>the drive refuses more password attempts until it is powered off and on: overwriting it (Clear)</source>
            <translation>le disque refuse d'autres essais de mot de passe avant d'être éteint puis rallumé : il est réécrit (Clear)</translation>
        </message>
        <message>
            <source>ATA Security Erase, enhanced: the drive erases every sector, remapped ones included (no SANITIZE offered)</source>
            <translation>ATA Security Erase renforcé : le disque efface chaque secteur, secteurs réalloués compris (pas de SANITIZE proposé)</translation>
        </message>
        <message>
            <source>ATA Security Erase (normal; no SANITIZE or enhanced erase offered)</source>
            <translation>ATA Security Erase (normal ; ni SANITIZE ni effacement renforcé proposés)</translation>
        </message>
        <message>
            <source>the drive offers no SANITIZE and no Security Erase: overwriting it (Clear)</source>
            <translation>le disque ne propose ni SANITIZE ni Security Erase : il est réécrit (Clear)</translation>
        </message>
        <message>
            <source>the drive's SANITIZE is frozen. %1 Meanwhile: overwriting it (Clear)</source>
            <translation>le SANITIZE du disque est gelé. %1 En attendant : le disque est réécrit (Clear)</translation>
        </message>
        <message>
            <source>%1 failed (reason %2): the drive cannot be purged; destroy it or try again</source>
            <translation>%1 a échoué (raison %2) : le disque ne peut pas être purgé ; détruisez-le ou réessayez</translation>
        </message>
        <message>
            <source>%1 ended without reporting success</source>
            <translation>%1 s'est terminé sans annoncer de réussite</translation>
        </message>
        <message>
            <source>stopped waiting; the drive goes on sanitizing by itself and will finish after a restart</source>
            <translation>attente arrêtée ; le disque continue son nettoyage seul et le terminera après un redémarrage</translation>
        </message>
        <message>
            <source>%1 failed: the drive cannot be purged; destroy it or try again</source>
            <translation>%1 a échoué : le disque ne peut pas être purgé ; détruisez-le ou réessayez</translation>
        </message>
        <message>
            <source>%1: the drive reports no sanitize</source>
            <translation>%1 : le disque n'annonce aucun nettoyage</translation>
        </message>
        <message>
            <source>the drive refused %1 (error register %2)</source>
            <translation>le disque a refusé %1 (registre d'erreur %2)</translation>
        </message>
        <message>
            <source>no purge technique chosen</source>
            <translation>aucune technique de purge choisie</translation>
        </message>
        <message>
            <source>unknown purge technique</source>
            <translation>technique de purge inconnue</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Labels::ErasureCertificatePdf</name>
        <message>
            <source>bytes</source>
            <translation>octets</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>réussie</translation>
        </message>
        <message>
            <source>FAILED</source>
            <translation>ÉCHEC</translation>
        </message>
        <message>
            <source>Purge (firmware erase, then a verified overwrite)</source>
            <translation>Purge (effacement interne du disque, puis réécriture vérifiée)</translation>
        </message>
        <message>
            <source>Clear (every sector overwritten)</source>
            <translation>Clear (chaque secteur réécrit)</translation>
        </message>
        <message>
            <source>Data erasure certificate</source>
            <translation>Certificat d'effacement des données</translation>
        </message>
        <message>
            <source>Certificate</source>
            <translation>Certificat</translation>
        </message>
        <message>
            <source>Issued at</source>
            <translation>Émis le</translation>
        </message>
        <message>
            <source>Workshop</source>
            <translation>Atelier</translation>
        </message>
        <message>
            <source>Donor</source>
            <translation>Donateur</translation>
        </message>
        <message>
            <source>Lot</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>Asset tag</source>
            <translation>Étiquette</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Disque</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Serial number</source>
            <translation>Numéro de série</translation>
        </message>
        <message>
            <source>Bus, media</source>
            <translation>Bus, support</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>Capacité</translation>
        </message>
        <message>
            <source>Native capacity</source>
            <translation>Capacité d'origine</translation>
        </message>
        <message>
            <source>Hidden areas (HPA / DCO)</source>
            <translation>Zones cachées (HPA / DCO)</translation>
        </message>
        <message>
            <source>HPA: %1, DCO: %2, removed before erasing: %3</source>
            <translation>HPA : %1, DCO : %2, retirées avant l'effacement : %3</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucune</translation>
        </message>
        <message>
            <source>Erasure</source>
            <translation>Effacement</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Méthode</translation>
        </message>
        <message>
            <source>Technique</source>
            <translation>Technique</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>Norme</translation>
        </message>
        <message>
            <source>Pattern, passes</source>
            <translation>Motif, passes</translation>
        </message>
        <message>
            <source>%1, %2 pass(es)</source>
            <translation>%1, %2 passe(s)</translation>
        </message>
        <message>
            <source>random stream (ChaCha20, seed recorded)</source>
            <translation>flux aléatoire (ChaCha20, graine enregistrée)</translation>
        </message>
        <message>
            <source>zeros</source>
            <translation>zéros</translation>
        </message>
        <message>
            <source>Started, ended</source>
            <translation>Début, fin</translation>
        </message>
        <message>
            <source>Throughput</source>
            <translation>Débit</translation>
        </message>
        <message>
            <source>%1 MiB/s</source>
            <translation>%1 Mio/s</translation>
        </message>
        <message>
            <source>Verification</source>
            <translation>Vérification</translation>
        </message>
        <message>
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <source>sample (seeded, every 1 GiB region, at least 1 %)</source>
            <translation>échantillon (tiré d'une graine, chaque région de 1 Gio, au moins 1 %)</translation>
        </message>
        <message>
            <source>full (every sector read back)</source>
            <translation>complète (chaque secteur relu)</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Bytes read back</source>
            <translation>Octets relus</translation>
        </message>
        <message>
            <source>offset %1 (%2)</source>
            <translation>position %1 (%2)</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <source>People and software</source>
            <translation>Personnes et logiciel</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Opérateur</translation>
        </message>
        <message>
            <source>Checked by</source>
            <translation>Contrôlé par</translation>
        </message>
        <message>
            <source>not yet checked by a second person</source>
            <translation>pas encore contrôlé par une deuxième personne</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>Poste</translation>
        </message>
        <message>
            <source>Software</source>
            <translation>Logiciel</translation>
        </message>
        <message>
            <source>Station key</source>
            <translation>Clé du poste</translation>
        </message>
        <message>
            <source>Endorsed by the workshop</source>
            <translation>Clé reconnue par l'atelier</translation>
        </message>
        <message>
            <source>How to check this certificate</source>
            <translation>Comment vérifier ce certificat</translation>
        </message>
        <message>
            <source>Online: %1?id=%2</source>
            <translation>En ligne : %1?id=%2</translation>
        </message>
        <message>
            <source>The signed JSON file %1.json is the certificate; this page is its printed form. Anyone can check it with «etabli certificate verify %1.json --require-endorsed --workshop-key WORKSHOP.pub»: the signature (Ed25519) covers every field.</source>
            <translation>Le fichier JSON signé %1.json est le certificat ; cette page en est la forme imprimée. Chacun peut le vérifier avec «etabli certificate verify %1.json --require-endorsed --workshop-key ATELIER.pub» : la signature (Ed25519) couvre chaque champ.</translation>
        </message>
        <message>
            <source>Data erasure: summary of lot %1</source>
            <translation>Effacement des données : bilan du lot %1</translation>
        </message>
        <message>
            <source>(no lot)</source>
            <translation>(sans lot)</translation>
        </message>
        <message>
            <source>Disks</source>
            <translation>Disques</translation>
        </message>
        <message>
            <source>%1 erased, %2 verified without error</source>
            <translation>%1 effacés, %2 vérifiés sans erreur</translation>
        </message>
        <message>
            <source>Asset tag — disk — serial number — method — verification</source>
            <translation>Étiquette — disque — numéro de série — méthode — vérification</translation>
        </message>
        <message>
            <source>Data erasure certificates</source>
            <translation>Certificats d'effacement des données</translation>
        </message>
        <message>
            <source>cannot write %1</source>
            <translation>impossible d'écrire %1</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Inventory::BeneficiaryImport</name>
        <message>
            <source>pupil id</source>
            <translation>identifiant élève</translation>
        </message>
        <message>
            <source>pupil name</source>
            <translation>nom de l'élève</translation>
        </message>
        <message>
            <source>school</source>
            <translation>école</translation>
        </message>
        <message>
            <source>class</source>
            <translation>classe</translation>
        </message>
        <message>
            <source>parent name</source>
            <translation>nom du responsable</translation>
        </message>
        <message>
            <source>parent contact</source>
            <translation>contact du responsable</translation>
        </message>
        <message>
            <source>missing column(s): %1 (the first line must name the columns: pupil id, pupil name, school, class, parent name, parent contact, in French or English)</source>
            <translation>colonne(s) manquante(s) : %1 (la première ligne doit nommer les colonnes : identifiant élève, nom de l'élève, école, classe, nom du responsable, contact du responsable, en français ou en anglais)</translation>
        </message>
        <message>
            <source>a quoted field is never closed (a missing ")</source>
            <translation>un champ entre guillemets n'est jamais fermé (il manque un ")</translation>
        </message>
        <message>
            <source>undecodable text: the line has bytes that are neither UTF-8 nor Windows-1252 text</source>
            <translation>texte illisible : la ligne contient des octets qui ne sont ni du texte UTF-8 ni du Windows-1252</translation>
        </message>
        <message>
            <source>%1 fields where the header has %2 (a «%3» inside a field that is not quoted?)</source>
            <translation>%1 champs alors que l'en-tête en a %2 (un «%3» dans un champ sans guillemets ?)</translation>
        </message>
        <message>
            <source>missing field(s): %1</source>
            <translation>champ(s) manquant(s) : %1</translation>
        </message>
        <message>
            <source>too long (pupil id at most 64 characters, the others 256): %1</source>
            <translation>trop long (identifiant élève : 64 caractères au plus, les autres : 256) : %1</translation>
        </message>
        <message>
            <source>duplicate pupil id «%1» (already on line %2 of this file)</source>
            <translation>identifiant élève «%1» en double (déjà à la ligne %2 de ce fichier)</translation>
        </message>
        <message>
            <source>pupil id «%1» is already known</source>
            <translation>l'identifiant élève «%1» est déjà connu</translation>
        </message>
        <message>
            <source>this inventory is not the distribution desk's, and family data never goes on a bench: on the desk, run «etabli sync --desk --server URL --token DESK_TOKEN» once first</source>
            <translation>cet inventaire n'est pas celui du guichet de distribution, et les données des familles ne vont jamais sur un établi : sur le guichet, lancez d'abord une fois «etabli sync --desk --server URL --token JETON_GUICHET»</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Inventory::Csv</name>
        <message>
            <source>the file is empty</source>
            <translation>le fichier est vide</translation>
        </message>
        <message>
            <source>this is not a text file (it holds NUL bytes): save it as CSV</source>
            <translation>ce n'est pas un fichier texte (il contient des octets NUL) : enregistrez-le en CSV</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Inventory::PrivateFile</name>
        <message>
            <source>cannot create the folder %1: %2</source>
            <translation>impossible de créer le dossier %1 : %2</translation>
        </message>
        <message>
            <source>%1 is not a folder</source>
            <translation>%1 n'est pas un dossier</translation>
        </message>
        <message>
            <source>cannot create %1: %2</source>
            <translation>impossible de créer %1 : %2</translation>
        </message>
        <message>
            <source>cannot restrict %1 to its owner: %2</source>
            <translation>impossible de réserver %1 à son propriétaire : %2</translation>
        </message>
    </context>
    <context>
        <name>HttpAdaptor</name>
        <message>
            <source>too many connections from %1</source>
            <translation>trop de connexions depuis %1</translation>
        </message>
        <message>
            <source>the request headers are too large</source>
            <translation>les en-têtes de la requête sont trop grands</translation>
        </message>
        <message>
            <source>this is not an HTTP/1.1 request</source>
            <translation>ce n'est pas une requête HTTP/1.1</translation>
        </message>
        <message>
            <source>only HTTP/1.1 and HTTP/1.0 are served</source>
            <translation>seuls HTTP/1.1 et HTTP/1.0 sont servis</translation>
        </message>
        <message>
            <source>send the body with a Content-Length</source>
            <translation>envoyez le corps avec un Content-Length</translation>
        </message>
        <message>
            <source>the body is larger than %1 bytes</source>
            <translation>le corps dépasse %1 octets</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Ui::ScanDetector</name>
        <message>
            <source>The scanner is set to an English keyboard. Set it to French (AZERTY), then scan again.</source>
            <translation>Le lecteur est réglé sur un clavier anglais. Réglez-le en français (AZERTY). Puis scannez encore.</translation>
        </message>
        <message>
            <source>The scanner is set to a French keyboard. Set it to English (QWERTY), then scan again.</source>
            <translation>Le lecteur est réglé sur un clavier français. Réglez-le en anglais (QWERTY). Puis scannez encore.</translation>
        </message>
    </context>
    <context>
        <name>ScanField</name>
        <message>
            <source>Scan or type the label</source>
            <translation>Scannez ou tapez l'étiquette</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Labels::BilanPdf</name>
        <message>
            <source>Workshop report</source>
            <translation>Bilan de l’atelier</translation>
        </message>
        <message>
            <source>cannot write %1</source>
            <translation>impossible d’écrire %1</translation>
        </message>
        <message>
            <source>PCs</source>
            <translation>PC</translation>
        </message>
        <message>
            <source>screens</source>
            <translation>écrans</translation>
        </message>
        <message>
            <source>keyboards</source>
            <translation>claviers</translation>
        </message>
        <message>
            <source>mice</source>
            <translation>souris</translation>
        </message>
        <message>
            <source>speakers</source>
            <translation>haut-parleurs</translation>
        </message>
        <message>
            <source>parts</source>
            <translation>pièces</translation>
        </message>
        <message>
            <source>Screens</source>
            <translation>Écrans</translation>
        </message>
        <message>
            <source>Keyboards</source>
            <translation>Claviers</translation>
        </message>
        <message>
            <source>Mice</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Computer re-use workshop: report</source>
            <translation>Atelier de réemploi informatique : bilan</translation>
        </message>
        <message>
            <source>%1: computer re-use workshop report</source>
            <translation>%1 : bilan de l’atelier de réemploi informatique</translation>
        </message>
        <message>
            <source>Period: from %1 to %2</source>
            <translation>Période : du %1 au %2</translation>
        </message>
        <message>
            <source>PCs received</source>
            <translation>PC reçus</translation>
        </message>
        <message>
            <source>Donor %1</source>
            <translation>Donateur %1</translation>
        </message>
        <message>
            <source>Lot %1</source>
            <translation>Lot %1</translation>
        </message>
        <message>
            <source>PCs refurbished</source>
            <translation>PC reconditionnés</translation>
        </message>
        <message>
            <source>PCs refurbished (ready to lend)</source>
            <translation>PC reconditionnés (prêts à être prêtés)</translation>
        </message>
        <message>
            <source>Broken equipment (HS)</source>
            <translation>Matériel hors service (HS)</translation>
        </message>
        <message>
            <source>Kits handed over</source>
            <translation>Kits remis</translation>
        </message>
        <message>
            <source>To families</source>
            <translation>Aux familles</translation>
        </message>
        <message>
            <source>PC only</source>
            <translation>PC seul</translation>
        </message>
        <message>
            <source>With software</source>
            <translation>Avec logiciels</translation>
        </message>
        <message>
            <source>With internet</source>
            <translation>Avec internet</translation>
        </message>
        <message>
            <source>To teachers</source>
            <translation>Aux enseignants</translation>
        </message>
        <message>
            <source>To local associations</source>
            <translation>Aux associations locales</translation>
        </message>
        <message>
            <source>Returns under warranty</source>
            <translation>Retours sous garantie</translation>
        </message>
        <message>
            <source>Internet grant and training</source>
            <translation>Bourse internet et formation</translation>
        </message>
        <message>
            <source>Grants requested</source>
            <translation>Bourses demandées</translation>
        </message>
        <message>
            <source>Grants paid</source>
            <translation>Bourses versées</translation>
        </message>
        <message>
            <source>Families enrolled in the parents' training</source>
            <translation>Familles inscrites à la formation des parents</translation>
        </message>
        <message>
            <source>Families who attended all 6 sessions</source>
            <translation>Familles ayant suivi les 6 séances</translation>
        </message>
        <message>
            <source>Re-use impact</source>
            <translation>Impact du réemploi</translation>
        </message>
        <message>
            <source>Equipment kept out of waste (kg)</source>
            <translation>Matériel évité aux déchets (kg)</translation>
        </message>
        <message>
            <source>%1: %2 handed over, %3 kg</source>
            <translation>%1 : %2 remis, %3 kg</translation>
        </message>
        <message>
            <source>    %1 weighed at intake (%2 kg); %3 without a weight counted at %4 kg each (default value, source: %5).</source>
            <translation>    %1 pesés à l’entrée (%2 kg) ; %3 sans poids comptés %4 kg chacun (valeur par défaut, source : %5).</translation>
        </message>
        <message>
            <source>built-in estimate (Établi)</source>
            <translation>estimation intégrée (Établi)</translation>
        </message>
        <message>
            <source>workshop settings, %1, %2</source>
            <translation>réglages de l’atelier, %1, %2</translation>
        </message>
        <message>
            <source>Every figure is counted from the workshop's event log (Établi).</source>
            <translation>Chaque chiffre est compté dans le journal des événements de l’atelier (Établi).</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Inventory::Report::Ledger</name>
        <message>
            <source>«kind» must be one of %1</source>
            <translation>«kind» doit être l’un de : %1</translation>
        </message>
        <message>
            <source>«%1» must be a whole number from %2 to %3</source>
            <translation>«%1» doit être un nombre entier de %2 à %3</translation>
        </message>
        <message>
            <source>cannot read the event log: %1</source>
            <translation>impossible de lire le journal des événements : %1</translation>
        </message>
        <message>
            <source>%1 must be a date YYYY-MM-DD (got «%2»)</source>
            <translation>%1 doit être une date AAAA-MM-JJ (reçu « %2 »)</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::ServerRequest</name>
        <message>
            <source>the server %1 does not answer: %2</source>
            <translation>le serveur %1 ne répond pas : %2</translation>
        </message>
        <message>
            <source>the server answered %1: %2</source>
            <translation>le serveur a répondu %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::Supervisor</name>
        <message>
            <source>no server and no local inventory</source>
            <translation>ni serveur ni inventaire local</translation>
        </message>
        <message>
            <source>%1 is not an administration event</source>
            <translation>%1 n’est pas un événement d’administration</translation>
        </message>
        <message>
            <source>tokens live on the server: give --server and --token</source>
            <translation>les jetons sont sur le serveur : donnez --server et --token</translation>
        </message>
        <message>
            <source>give the worker's badge</source>
            <translation>donnez le badge de la personne</translation>
        </message>
        <message>
            <source>the period is not valid</source>
            <translation>la période n’est pas valide</translation>
        </message>
        <message>
            <source>no station named %1</source>
            <translation>aucun poste nommé %1</translation>
        </message>
        <message>
            <source>no worker with the badge %1</source>
            <translation>personne n’a le badge %1</translation>
        </message>
        <message>
            <source>this step cannot move there</source>
            <translation>cette étape ne peut pas aller là</translation>
        </message>
    </context>
    <context>
        <name>FrozenDriveFix</name>
        <message>
            <source>The disk is locked. Do one of these two things:</source>
            <translation>Le disque est bloqué. Fais une de ces deux choses :</translation>
        </message>
        <message>
            <source>Then start the erasure again.</source>
            <translation>Ensuite, relance l'effacement.</translation>
        </message>
        <message>
            <source>The disk is locked</source>
            <translation>Le disque est bloqué</translation>
        </message>
        <message>
            <source>the PC stays on</source>
            <translation>le PC reste allumé</translation>
        </message>
        <message>
            <source>unplug the disk's power</source>
            <translation>débranche le courant du disque</translation>
        </message>
        <message>
            <source>plug it back in</source>
            <translation>rebranche-le</translation>
        </message>
        <message>
            <source>Leave the PC on, unplug the disk's power cable, then plug it back in.</source>
            <translation>Laisse le PC allumé, débranche le câble d'alimentation du disque, puis rebranche-le.</translation>
        </message>
        <message>
            <source>or</source>
            <translation>ou</translation>
        </message>
        <message>
            <source>put the PC to sleep</source>
            <translation>mets le PC en veille</translation>
        </message>
        <message>
            <source>wake it up</source>
            <translation>réveille-le</translation>
        </message>
        <message>
            <source>Put the PC to sleep, then wake it up.</source>
            <translation>Mets le PC en veille, puis réveille-le.</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Imaging::HttpSource</name>
        <message>
            <source>the cache must be a local file or disk, not %1</source>
            <translation>le cache doit être un fichier ou un disque local, pas %1</translation>
        </message>
        <message>
            <source>a cache is used only with the master's manifest (each range is checked against it)</source>
            <translation>un cache ne sert qu'avec le manifeste du master (chaque plage est vérifiée par lui)</translation>
        </message>
        <message>
            <source>cannot use the cache %1: %2</source>
            <translation>impossible d'utiliser le cache %1 : %2</translation>
        </message>
        <message>
            <source>the cache %1 must be a qcow2 or raw file or disk (read at random)</source>
            <translation>le cache %1 doit être un fichier ou un disque qcow2 ou brut (lu dans le désordre)</translation>
        </message>
        <message>
            <source>not an http(s)://HOST/… address: %1</source>
            <translation>pas une adresse http(s)://HÔTE/… : %1</translation>
        </message>
        <message>
            <source>plain http is only for loopback: use https:// for %1 (the token would travel in clear)</source>
            <translation>http sans chiffrement seulement en local : utilisez https:// pour %1 (le jeton circulerait en clair)</translation>
        </message>
        <message>
            <source>cannot set up TLS: %1</source>
            <translation>impossible de préparer TLS : %1</translation>
        </message>
        <message>
            <source>cannot read the CA certificate %1: %2</source>
            <translation>impossible de lire le certificat d'autorité %1 : %2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>cannot resolve the server: %1</source>
            <translation>impossible de trouver le serveur : %1</translation>
        </message>
        <message>
            <source>no address</source>
            <translation>aucune adresse</translation>
        </message>
        <message>
            <source>no answer to connect</source>
            <translation>pas de réponse à la connexion</translation>
        </message>
        <message>
            <source>cannot connect: %1</source>
            <translation>connexion impossible : %1</translation>
        </message>
        <message>
            <source>TLS handshake timed out</source>
            <translation>la négociation TLS a expiré</translation>
        </message>
        <message>
            <source>the server's certificate is not trusted (%1); give its CA with --ca</source>
            <translation>le certificat du serveur n'est pas reconnu (%1) ; donnez son autorité avec --ca</translation>
        </message>
        <message>
            <source>TLS handshake failed: %1</source>
            <translation>la négociation TLS a échoué : %1</translation>
        </message>
        <message>
            <source>the server takes no data (timeout)</source>
            <translation>le serveur ne reçoit plus rien (délai dépassé)</translation>
        </message>
        <message>
            <source>cannot send: %1</source>
            <translation>envoi impossible : %1</translation>
        </message>
        <message>
            <source>the server sent nothing for %1 s</source>
            <translation>le serveur n'a rien envoyé pendant %1 s</translation>
        </message>
        <message>
            <source>cannot receive: %1</source>
            <translation>réception impossible : %1</translation>
        </message>
        <message>
            <source>the answer's headers are too large</source>
            <translation>les en-têtes de la réponse sont trop grands</translation>
        </message>
        <message>
            <source>the server closed the connection before answering</source>
            <translation>le serveur a fermé la connexion avant de répondre</translation>
        </message>
        <message>
            <source>not an HTTP answer</source>
            <translation>ce n'est pas une réponse HTTP</translation>
        </message>
        <message>
            <source>the answer has no Content-Length</source>
            <translation>la réponse n'a pas de Content-Length</translation>
        </message>
        <message>
            <source>%1: the answer is larger than expected (%2 bytes)</source>
            <translation>%1 : la réponse est plus grande que prévu (%2 octets)</translation>
        </message>
        <message>
            <source>%1: truncated answer, %2 of %3 bytes</source>
            <translation>%1 : réponse tronquée, %2 octets sur %3</translation>
        </message>
        <message>
            <source>the server refused the token for %1: wrong, revoked or missing token (--token)%2</source>
            <translation>le serveur a refusé le jeton pour %1 : jeton faux, révoqué ou absent (--token)%2</translation>
        </message>
        <message>
            <source>the server does not let this token read %1%2</source>
            <translation>le serveur ne laisse pas ce jeton lire %1%2</translation>
        </message>
        <message>
            <source>no such master on the server: %1%2</source>
            <translation>ce master n'existe pas sur le serveur : %1%2</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <source>the master changed on the server (ETag %1, was %2): another master is served under this name; stopped before writing any of it, run again</source>
            <translation>le master a changé sur le serveur (ETag %1, avant %2) : un autre master est servi sous ce nom ; arrêté avant d'en écrire quoi que ce soit, relancez</translation>
        </message>
        <message>
            <source>the server answered bytes %1 instead of %2</source>
            <translation>le serveur a répondu les octets %1 au lieu de %2</translation>
        </message>
        <message>
            <source>the server cannot serve bytes %1-%2 of %3 (answer %4)</source>
            <translation>le serveur ne peut pas servir les octets %1-%2 de %3 (réponse %4)</translation>
        </message>
        <message>
            <source>answer %1</source>
            <translation>réponse %1</translation>
        </message>
        <message>
            <source>no data from the server for %1 s, giving up (last: %2); run the same command again to resume</source>
            <translation>aucune donnée du serveur depuis %1 s, abandon (dernière erreur : %2) ; relancez la même commande pour reprendre</translation>
        </message>
        <message>
            <source>range %1 was not fetched whole</source>
            <translation>la plage %1 n'a pas été reçue en entier</translation>
        </message>
        <message>
            <source> (guest offset %1)</source>
            <translation> (position %1 dans le disque)</translation>
        </message>
        <message>
            <source>damaged in transit or on the server: nothing after it was written</source>
            <translation>abîmé en chemin ou sur le serveur : rien après n'a été écrit</translation>
        </message>
        <message>
            <source>%1 answered %2 to a range request: not an Établi masters server?</source>
            <translation>%1 a répondu %2 à une demande de plage : ce n'est pas un serveur de masters Établi ?</translation>
        </message>
        <message>
            <source>%1: no usable Content-Range</source>
            <translation>%1 : pas de Content-Range utilisable</translation>
        </message>
        <message>
            <source>%1 is not a qcow2 master (only qcow2 masters are read over the network)</source>
            <translation>%1 n'est pas un master qcow2 (seuls les masters qcow2 se lisent par le réseau)</translation>
        </message>
        <message>
            <source>cannot join the multicast group %1:%2: %3</source>
            <translation>impossible de rejoindre le groupe multicast %1:%2 : %3</translation>
        </message>
        <message>
            <source>unaligned read at %1</source>
            <translation>lecture non alignée à %1</translation>
        </message>
        <message>
            <source>%1 answered %2</source>
            <translation>%1 a répondu %2</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Imaging::Multicast</name>
        <message>
            <source>UDP segmentation offload (GSO): on, %1 datagrams per packet</source>
            <translation>segmentation UDP déléguée (GSO) : active, %1 datagrammes par paquet</translation>
        </message>
        <message>
            <source>UDP segmentation offload (GSO): off</source>
            <translation>segmentation UDP déléguée (GSO) : inactive</translation>
        </message>
        <message>
            <source>%1 left the group, too slow at %2 Mbit/s (floor %3); it goes on by unicast</source>
            <translation>%1 a quitté le groupe, trop lent à %2 Mbit/s (plancher %3) ; il continue en unicast</translation>
        </message>
        <message>
            <source>rate %1 Mbit/s (floor %2), %3 receivers reporting, worst loss %4 %, %5 left; %6 NACKs, %7 suppressed, %8 MiB re-sent</source>
            <translation>débit %1 Mbit/s (plancher %2), %3 récepteurs en contact, pire perte %4 %, %5 partis ; %6 NACK, %7 ignorés, %8 Mio renvoyés</translation>
        </message>
        <message>
            <source>a multicast master is multicast://GROUP:PORT?master=https://SERVER/api/v1/masters/NAME.qcow2 with an IPv4 multicast group (224.0.0.0/4), got «%1»</source>
            <translation>un master en multicast s'écrit multicast://GROUPE:PORT?master=https://SERVEUR/api/v1/masters/NOM.qcow2 avec un groupe multicast IPv4 (224.0.0.0/4), reçu « %1 »</translation>
        </message>
        <message>
            <source>cannot open the master %1: %2</source>
            <translation>impossible d'ouvrir le master %1 : %2</translation>
        </message>
        <message>
            <source>cannot open a UDP socket: %1</source>
            <translation>impossible d'ouvrir une socket UDP : %1</translation>
        </message>
        <message>
            <source>not an IPv4 group: %1</source>
            <translation>pas un groupe IPv4 : %1</translation>
        </message>
        <message>
            <source>cannot send to %1:%2: %3</source>
            <translation>envoi impossible vers %1:%2 : %3</translation>
        </message>
        <message>
            <source>cannot read the master %1</source>
            <translation>impossible de lire le master %1</translation>
        </message>
        <message>
            <source>%1 receivers reporting: the stream starts</source>
            <translation>%1 récepteurs en contact : le flux commence</translation>
        </message>
        <message>
            <source>catch-up cycle %1 from cluster %2: receivers still miss data</source>
            <translation>cycle de rattrapage %1 depuis le cluster %2 : des récepteurs manquent encore de données</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Server::Masters</name>
        <message>
            <source>no such master %1</source>
            <translation>pas de master %1</translation>
        </message>
        <message>
            <source>only a station token may read masters</source>
            <translation>seul un jeton de poste (station) peut lire les masters</translation>
        </message>
        <message>
            <source>the range «%1» cannot be served from %2 bytes</source>
            <translation>la plage « %1 » ne peut pas être servie sur %2 octets</translation>
        </message>
    </context>
    <context>
        <name>AttentionPage</name>
        <message>
            <source>All</source>
            <translation>Tout</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n row(s)</source>
            <translation>
                <numerusform>%1 : %n ligne</numerusform>
                <numerusform>%1 : %n lignes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Previous %n rows</source>
            <translation>
                <numerusform>%n lignes d’avant</numerusform>
                <numerusform>%n lignes d’avant</numerusform>
            </translation>
        </message>
        <message>
            <source>Rows %1 to %2 of %3</source>
            <translation>Lignes %1 à %2 sur %3</translation>
        </message>
        <message numerus="yes">
            <source>Next %n rows</source>
            <translation>
                <numerusform>%n lignes suivantes</numerusform>
                <numerusform>%n lignes suivantes</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing needs attention.</source>
            <translation>Rien à regarder.</translation>
        </message>
        <message numerus="yes">
            <source>%n thing(s) need attention.</source>
            <translation>
                <numerusform>%n chose(s) à regarder.</numerusform>
                <numerusform>%n chose(s) à regarder.</numerusform>
            </translation>
        </message>
        <message>
            <source>Open: %1</source>
            <translation>Ouvert : %1</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>À regarder</translation>
        </message>
        <message>
            <source>Opens the asset</source>
            <translation>Ouvre l’appareil</translation>
        </message>
        <message>
            <source>Opens the bench</source>
            <translation>Ouvre le poste</translation>
        </message>
        <message>
            <source>Opens the worker</source>
            <translation>Ouvre la personne</translation>
        </message>
    </context>
    <context>
        <name>FiguresPage</name>
        <message>
            <source>PCs ready each month</source>
            <translation>PC prêts chaque mois</translation>
        </message>
        <message>
            <source>PCs ready</source>
            <translation>PC prêts</translation>
        </message>
        <message>
            <source>Broken parts by kind</source>
            <translation>Pièces HS par sorte</translation>
        </message>
        <message>
            <source>Broken parts</source>
            <translation>Pièces HS</translation>
        </message>
        <message>
            <source>By worker</source>
            <translation>Par personne</translation>
        </message>
        <message>
            <source>Each month</source>
            <translation>Chaque mois</translation>
        </message>
        <message>
            <source>Opens what this worker did</source>
            <translation>Ouvre le travail de cette personne</translation>
        </message>
        <message>
            <source>PCs ready by worker</source>
            <translation>PC prêts par personne</translation>
        </message>
        <message>
            <source>The same numbers are in the table beside it.</source>
            <translation>Les mêmes chiffres sont dans le tableau à côté.</translation>
        </message>
    </context>
    <context>
        <name>BilanPage</name>
        <message>
            <source>Report from %1 to %2</source>
            <translation>Bilan du %1 au %2</translation>
        </message>
        <message>
            <source>Save as %1</source>
            <translation>Enregistrer en %1</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Enregistré.</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Bilan</translation>
        </message>
        <message>
            <source>Save the report:</source>
            <translation>Enregistrer le bilan :</translation>
        </message>
    </context>
    <context>
        <name>Window</name>
        <message>
            <source>Établi — supervisor</source>
            <translation>Établi — encadrant</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Supervisor::SupervisorBoard</name>
        <message>
            <source>Stuck too long in one step</source>
            <translation>Bloqué trop longtemps à une étape</translation>
        </message>
        <message>
            <source>Disk not erased and checked</source>
            <translation>Disque non effacé et vérifié</translation>
        </message>
        <message>
            <source>Erasure waits for a second person</source>
            <translation>L’effacement attend une deuxième personne</translation>
        </message>
        <message>
            <source>Ready, but its disk test failed</source>
            <translation>Prêt, mais le test du disque a échoué</translation>
        </message>
        <message>
            <source>Same serial number twice</source>
            <translation>Même numéro de série deux fois</translation>
        </message>
        <message>
            <source>Label not printed</source>
            <translation>Étiquette non imprimée</translation>
        </message>
        <message>
            <source>Bench not synced for a day</source>
            <translation>Poste non synchronisé depuis un jour</translation>
        </message>
        <message>
            <source>Change set aside by the server</source>
            <translation>Changement mis de côté par le serveur</translation>
        </message>
        <message>
            <source>Return under warranty waits</source>
            <translation>Retour sous garantie en attente</translation>
        </message>
        <message>
            <source>Handed over twice</source>
            <translation>Remis deux fois</translation>
        </message>
        <message>
            <source>PCs received</source>
            <translation>PC reçus</translation>
        </message>
        <message>
            <source>PCs ready to lend</source>
            <translation>PC prêts à être prêtés</translation>
        </message>
        <message>
            <source>Broken screens</source>
            <translation>Écrans HS</translation>
        </message>
        <message>
            <source>Broken keyboards</source>
            <translation>Claviers HS</translation>
        </message>
        <message>
            <source>Broken mice</source>
            <translation>Souris HS</translation>
        </message>
        <message>
            <source>Kits for families</source>
            <translation>Kits pour les familles</translation>
        </message>
        <message>
            <source>Kits for teachers</source>
            <translation>Kits pour les enseignants</translation>
        </message>
        <message>
            <source>Kits for associations</source>
            <translation>Kits pour les associations</translation>
        </message>
        <message>
            <source>Returns under warranty</source>
            <translation>Retours sous garantie</translation>
        </message>
        <message>
            <source>Grants asked</source>
            <translation>Bourses demandées</translation>
        </message>
        <message>
            <source>Grants paid</source>
            <translation>Bourses versées</translation>
        </message>
        <message>
            <source>Families in the training</source>
            <translation>Familles en formation</translation>
        </message>
        <message>
            <source>Families who came 6 times</source>
            <translation>Familles venues 6 fois</translation>
        </message>
        <message>
            <source>Kilograms kept out of waste</source>
            <translation>Kilos évités aux déchets</translation>
        </message>
        <message>
            <source>Nothing to export yet</source>
            <translation>Rien à exporter pour l’instant</translation>
        </message>
        <message>
            <source>Received in lot %1</source>
            <translation>Reçu dans le lot %1</translation>
        </message>
        <message>
            <source>Moved to %1</source>
            <translation>Passé à l’état %1</translation>
        </message>
        <message>
            <source>Details updated</source>
            <translation>Fiche mise à jour</translation>
        </message>
        <message>
            <source>Test %1: %2</source>
            <translation>Test %1 : %2</translation>
        </message>
        <message>
            <source>passed</source>
            <translation>réussi</translation>
        </message>
        <message>
            <source>passed with a warning</source>
            <translation>réussi avec une alerte</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>échoué</translation>
        </message>
        <message>
            <source>Broken part: %1 (%2)</source>
            <translation>Pièce HS : %1 (%2)</translation>
        </message>
        <message>
            <source>Disk erased (%1)</source>
            <translation>Disque effacé (%1)</translation>
        </message>
        <message>
            <source>Erasure checked by a second person</source>
            <translation>Effacement vérifié par une deuxième personne</translation>
        </message>
        <message>
            <source>System written: %1 %2</source>
            <translation>Système installé : %1 %2</translation>
        </message>
        <message>
            <source>Label printed</source>
            <translation>Étiquette imprimée</translation>
        </message>
        <message>
            <source>Bench step %1: %2</source>
            <translation>Étape du poste %1 : %2</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Remis</translation>
        </message>
        <message>
            <source>Returned: %1</source>
            <translation>Rendu : %1</translation>
        </message>
        <message>
            <source>Worker card changed: %1</source>
            <translation>Fiche de la personne changée : %1</translation>
        </message>
        <message>
            <source>Workshop settings changed: %1</source>
            <translation>Réglages de l’atelier changés : %1</translation>
        </message>
        <message>
            <source>%1 — %2 %3</source>
            <translation>%1 — %2 %3</translation>
        </message>
        <message numerus="yes">
            <source>In %1 for %n day(s), since %2</source>
            <translation>
                <numerusform>Dans l’état %1 depuis %n jour, depuis le %2</numerusform>
                <numerusform>Dans l’état %1 depuis %n jours, depuis le %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Serial number: %1</source>
            <translation>Numéro de série : %1</translation>
        </message>
        <message>
            <source>Lot: %1</source>
            <translation>Lot : %1</translation>
        </message>
        <message>
            <source>%1 — badge %2</source>
            <translation>%1 — badge %2</translation>
        </message>
        <message numerus="yes">
            <source>%n thing(s) done from %1 to %2</source>
            <translation>
                <numerusform>%n action du %1 au %2</numerusform>
                <numerusform>%n actions du %1 au %2</numerusform>
            </translation>
        </message>
        <message>
            <source>Role: %1</source>
            <translation>Rôle : %1</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Travaille ici</translation>
        </message>
        <message>
            <source>Has left</source>
            <translation>A quitté l’atelier</translation>
        </message>
        <message>
            <source>Cannot read the photo %1</source>
            <translation>Impossible de lire la photo %1</translation>
        </message>
        <message>
            <source>New key for %1 (shown once, copy it now): %2</source>
            <translation>Nouvelle clé pour %1 (montrée une seule fois, copiez-la) : %2</translation>
        </message>
        <message>
            <source>Key %1 revoked</source>
            <translation>Clé %1 retirée</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Bench::Bench</name>
        <message>
            <source>Choose what it is.</source>
            <translation>Choisis ce que c'est.</translation>
        </message>
        <message>
            <source>This is not the serial number of this disk.</source>
            <translation>Ce n'est pas le numéro de ce disque.</translation>
        </message>
        <message>
            <source>No disk or no master on this bench. Call the supervisor.</source>
            <translation>Pas de disque ou pas de système sur ce poste. Appelle l'encadrant.</translation>
        </message>
        <message>
            <source>The disk was not erased. %1</source>
            <translation>Le disque n'est pas effacé. %1</translation>
        </message>
        <!-- bench: a failed erase in the station's own words (the helper's go to the log) -->
        <message>
            <source>The disk was not erased. Look at the pictures.</source>
            <translation>Le disque n'est pas effacé. Regarde les images.</translation>
        </message>
        <message>
            <source>This is not the right disk. Call the supervisor.</source>
            <translation>Ce n'est pas le bon disque. Appelle l'encadrant.</translation>
        </message>
        <message>
            <source>The disk cannot be found. Check its cable.</source>
            <translation>Le disque est introuvable. Vérifie son câble.</translation>
        </message>
        <message>
            <source>The disk was not erased. Call the supervisor.</source>
            <translation>Le disque n'est pas effacé. Appelle l'encadrant.</translation>
        </message>
        <message>
            <source>Choose the part and the reason on the pictures.</source>
            <translation>Choisis la pièce et la raison sur les images.</translation>
        </message>
        <message>
            <source>The bench looks at what is in the PC.</source>
            <translation>Le poste regarde ce qu'il y a dans le PC.</translation>
        </message>
        <message>
            <source>The bench tests the memory of the PC.</source>
            <translation>Le poste teste la mémoire du PC.</translation>
        </message>
        <message>
            <source>The bench tests the disk of the PC.</source>
            <translation>Le poste teste le disque du PC.</translation>
        </message>
        <message>
            <source>Look at the screen. Touch each spot that is wrong.</source>
            <translation>Regarde l'écran. Touche chaque tache.</translation>
        </message>
        <message>
            <source>Listen to the sound on each side.</source>
            <translation>Écoute le son de chaque côté.</translation>
        </message>
        <message>
            <source>Press every key. Then use the mouse.</source>
            <translation>Appuie sur chaque touche. Ensuite, utilise la souris.</translation>
        </message>
        <message>
            <source>Is a part broken? Touch its picture.</source>
            <translation>Une pièce est cassée ? Touche son image.</translation>
        </message>
        <message>
            <source>Did you add or change a part? Touch its picture.</source>
            <translation>Tu as ajouté ou changé une pièce ? Touche son image.</translation>
        </message>
        <message>
            <source>Clean the PC. Touch each picture when it is done.</source>
            <translation>Nettoie le PC. Touche chaque image quand c'est fait.</translation>
        </message>
        <message>
            <source>The bench erases the disk. Then it installs the school system.</source>
            <translation>Le poste efface le disque. Ensuite, il installe le système de l'école.</translation>
        </message>
        <message>
            <source>Print the label. Stick it on the PC.</source>
            <translation>Imprime l'étiquette. Colle-la sur le PC.</translation>
        </message>
        <message>
            <source>Put the PC in its box.</source>
            <translation>Mets le PC dans son carton.</translation>
        </message>
        <message>
            <source>The PC is ready. Well done!</source>
            <translation>Le PC est prêt. Bravo !</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>Mouse</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Speakers</source>
            <translation>Haut-parleurs</translation>
        </message>
        <message>
            <source>Cable</source>
            <translation>Câble</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Mémoire</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Disque</translation>
        </message>
        <message>
            <source>Processor</source>
            <translation>Processeur</translation>
        </message>
        <message>
            <source>Graphics card</source>
            <translation>Carte graphique</translation>
        </message>
        <message>
            <source>Main board</source>
            <translation>Carte mère</translation>
        </message>
        <message>
            <source>Power supply</source>
            <translation>Alimentation</translation>
        </message>
        <message>
            <source>DVD drive</source>
            <translation>Lecteur DVD</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>Réseau</translation>
        </message>
        <message>
            <source>Sound card</source>
            <translation>Carte son</translation>
        </message>
        <message>
            <source>USB port</source>
            <translation>Prise USB</translation>
        </message>
        <message>
            <source>Battery</source>
            <translation>Batterie</translation>
        </message>
        <message>
            <source>Fan</source>
            <translation>Ventilateur</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Boîtier</translation>
        </message>
        <message>
            <source>Does not switch on</source>
            <translation>Ne s'allume pas</translation>
        </message>
        <message>
            <source>Does not start</source>
            <translation>Ne démarre pas</translation>
        </message>
        <message>
            <source>No picture</source>
            <translation>Pas d'image</translation>
        </message>
        <message>
            <source>Spots on the screen</source>
            <translation>Taches sur l'écran</translation>
        </message>
        <message>
            <source>Keys broken</source>
            <translation>Touches cassées</translation>
        </message>
        <message>
            <source>Button broken</source>
            <translation>Bouton cassé</translation>
        </message>
        <message>
            <source>No sound</source>
            <translation>Pas de son</translation>
        </message>
        <message>
            <source>Disk failing</source>
            <translation>Disque en panne</translation>
        </message>
        <message>
            <source>Memory failing</source>
            <translation>Mémoire en panne</translation>
        </message>
        <message>
            <source>Broken or cracked</source>
            <translation>Cassé ou fêlé</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Manquant</translation>
        </message>
        <message>
            <source>Something else</source>
            <translation>Autre chose</translation>
        </message>
        <message>
            <source>%1 changes to send.</source>
            <translation>%1 changements à envoyer.</translation>
        </message>
        <message>
            <source>1 change to send.</source>
            <translation>1 changement à envoyer.</translation>
        </message>
        <message>
            <source>Everything is sent.</source>
            <translation>Tout est envoyé.</translation>
        </message>
        <message>
            <source>Not sent yet.</source>
            <translation>Pas encore envoyé.</translation>
        </message>
        <message>
            <source>Sent just now.</source>
            <translation>Envoyé à l'instant.</translation>
        </message>
        <message>
            <source>Sent 1 minute ago.</source>
            <translation>Envoyé il y a 1 minute.</translation>
        </message>
        <message>
            <source>Sent %1 minutes ago.</source>
            <translation>Envoyé il y a %1 minutes.</translation>
        </message>
        <message>
            <source>Sent 1 hour ago.</source>
            <translation>Envoyé il y a 1 heure.</translation>
        </message>
        <message>
            <source>Sent %1 hours ago.</source>
            <translation>Envoyé il y a %1 heures.</translation>
        </message>
        <message>
            <source>Sent 1 day ago.</source>
            <translation>Envoyé il y a 1 jour.</translation>
        </message>
        <message>
            <source>Sent %1 days ago.</source>
            <translation>Envoyé il y a %1 jours.</translation>
        </message>
        <message>
            <source>The memory has faults. Do not use it.</source>
            <translation>La mémoire a des défauts. Ne l'utilise pas.</translation>
        </message>
        <!-- bench: the RAM test's child process stopped or never ran -->
        <message>
            <source>The memory test stopped before the end. Call the supervisor.</source>
            <translation>Le test de la mémoire s'est arrêté avant la fin. Appelle l'encadrant.</translation>
        </message>
        <message>
            <source>Some places on the disk cannot be read. Do not use this disk.</source>
            <translation>Des endroits du disque ne se lisent pas. N'utilise pas ce disque.</translation>
        </message>
        <message>
            <source>The disk is worn out. Do not use this disk.</source>
            <translation>Le disque est usé. N'utilise pas ce disque.</translation>
        </message>
        <message>
            <source>PC %1 is not finished. Go back to it after this one.</source>
            <translation>Le PC %1 n'est pas fini. Reviens-y après celui-ci.</translation>
        </message>
        <message>
            <source>The work on PC %1 is finished. Go back to it.</source>
            <translation>Le travail sur le PC %1 est fini. Reviens-y.</translation>
        </message>
        <message>
            <source>The bench goes on with PC %1.</source>
            <translation>Le banc continue avec le PC %1.</translation>
        </message>
        <message>
            <source>The work on this PC is finished.</source>
            <translation>Le travail sur ce PC est fini.</translation>
        </message>
        <message>
            <source>The work on PC %1 stopped. Go back to it.</source>
            <translation>Le travail sur le PC %1 s'est arrêté. Reviens-y.</translation>
        </message>
        <message>
            <source>The bench is busy with PC %1. This step must wait.</source>
            <translation>Le banc travaille sur le PC %1. Cette étape doit attendre.</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Bench::BenchFlowModel</name>
        <message>
            <source>What is in the PC</source>
            <translation>Ce qu'il y a dans le PC</translation>
        </message>
        <message>
            <source>Memory</source>
            <translation>Mémoire</translation>
        </message>
        <message>
            <source>Disk</source>
            <translation>Disque</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Son</translation>
        </message>
        <message>
            <source>Keyboard and mouse</source>
            <translation>Clavier et souris</translation>
        </message>
        <message>
            <source>Broken parts</source>
            <translation>Pièces cassées</translation>
        </message>
        <message>
            <source>Parts changed</source>
            <translation>Pièces changées</translation>
        </message>
        <message>
            <source>Cleaning</source>
            <translation>Nettoyage</translation>
        </message>
        <message>
            <source>Erase and install</source>
            <translation>Effacer et installer</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Étiquette</translation>
        </message>
        <message>
            <source>Packing</source>
            <translation>Emballage</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Fini</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::BenchFlow</name>
        <message>
            <source>the step %1 is not in the flow of %2</source>
            <translation>l'étape %1 n'est pas dans le parcours de %2</translation>
        </message>
        <message>
            <source>a step cannot be put back to pending</source>
            <translation>une étape ne peut pas revenir à « à faire »</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::Workers</name>
        <message>
            <source>a worker needs a badge and a name</source>
            <translation>il faut un badge et un nom</translation>
        </message>
        <message>
            <source>the photo must be a JPEG or PNG image</source>
            <translation>la photo doit être une image JPEG ou PNG</translation>
        </message>
        <message>
            <source>the photo is too large (%1 KiB, at most %2 KiB)</source>
            <translation>la photo est trop grande (%1 Kio, au plus %2 Kio)</translation>
        </message>
        <message>
            <source>the badge %1 is already known</source>
            <translation>le badge %1 est déjà connu</translation>
        </message>
        <message>
            <source>no worker with the badge %1</source>
            <translation>aucune personne avec le badge %1</translation>
        </message>
    </context>
    <context>
        <name>BenchHeader</name>
        <message>
            <source>Step %1 of %2</source>
            <translation>Étape %1 sur %2</translation>
        </message>
        <message>
            <source>PC %1</source>
            <translation>PC %1</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) to send</source>
            <translation>
                <numerusform>%n changement à envoyer</numerusform>
                <numerusform>%n changements à envoyer</numerusform>
            </translation>
        </message>
        <message>
            <source>Everything is sent</source>
            <translation>Tout est envoyé</translation>
        </message>
        <message>
            <source>Change person</source>
            <translation>Changer de personne</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Scan your badge</source>
            <translation>Scanne ton badge</translation>
        </message>
        <message>
            <source>Hello! Scan your badge or touch your photo.</source>
            <translation>Bonjour ! Scanne ton badge ou touche ta photo.</translation>
        </message>
        <message>
            <source>I am %1</source>
            <translation>Je suis %1</translation>
        </message>
    </context>
    <context>
        <name>AssetScreen</name>
        <message>
            <source>Scan the label</source>
            <translation>Scanne l’étiquette</translation>
        </message>
        <message>
            <source>Scan the label of the PC.</source>
            <translation>Scanne l'étiquette du PC.</translation>
        </message>
        <message>
            <source>No label? Touch what it is.</source>
            <translation>Pas d'étiquette ? Touche ce que c'est.</translation>
        </message>
        <message>
            <source>Touch the lot it came with.</source>
            <translation>Touche le lot d'arrivée.</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>PC</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>Mouse</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Speakers</source>
            <translation>Haut-parleurs</translation>
        </message>
        <message>
            <source>New: %1</source>
            <translation>Nouveau : %1</translation>
        </message>
        <message>
            <source>Lot %1</source>
            <translation>Lot %1</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Back to PC %1</source>
            <translation>Revenir au PC %1</translation>
        </message>
    </context>
    <context>
        <name>FinishedScreen</name>
        <message>
            <source>The PC is ready. Well done!</source>
            <translation>Le PC est prêt. Bravo !</translation>
        </message>
        <message>
            <source>The PC is not ready. Give it to the supervisor.</source>
            <translation>Le PC n'est pas prêt. Donne-le à l'encadrant.</translation>
        </message>
        <message>
            <source>Another PC</source>
            <translation>Un autre PC</translation>
        </message>
    </context>
    <context>
        <name>StepScreen</name>
        <message numerus="yes">
            <source>Hold for %n second(s) to confirm</source>
            <translation>
                <numerusform>Garde le doigt %n seconde pour confirmer</numerusform>
                <numerusform>Garde le doigt %n secondes pour confirmer</numerusform>
            </translation>
        </message>
        <message>
            <source>Further down</source>
            <translation>Plus bas</translation>
        </message>
        <message>
            <source>Further up</source>
            <translation>Plus haut</translation>
        </message>
        <message>
            <source>Do not erase</source>
            <translation>Ne pas effacer</translation>
        </message>
        <message>
            <source>Hold to erase</source>
            <translation>Appuyer longtemps pour effacer</translation>
        </message>
        <message>
            <source>Look in the PC</source>
            <translation>Regarder dans le PC</translation>
        </message>
        <message>
            <source>Start the test</source>
            <translation>Lancer le test</translation>
        </message>
        <message>
            <source>Nothing else is broken</source>
            <translation>Rien d'autre n'est cassé</translation>
        </message>
        <message>
            <source>Parts are done</source>
            <translation>Pièces finies</translation>
        </message>
        <message>
            <source>It is clean</source>
            <translation>C'est propre</translation>
        </message>
        <message>
            <source>Erase and install</source>
            <translation>Effacer et installer</translation>
        </message>
        <message>
            <source>Print the label</source>
            <translation>Imprimer l'étiquette</translation>
        </message>
        <message>
            <source>It is packed</source>
            <translation>C'est emballé</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Finir</translation>
        </message>
        <message>
            <source>Skip this step</source>
            <translation>Passer cette étape</translation>
        </message>
        <message>
            <source>Work on another PC meanwhile</source>
            <translation>Travailler sur un autre PC en attendant</translation>
        </message>
        <message>
            <source>Back to PC %1</source>
            <translation>Revenir au PC %1</translation>
        </message>
    </context>
    <context>
        <name>WorkProgress</name>
        <message numerus="yes">
            <source>About %n minute(s) left.</source>
            <translation>
                <numerusform>Encore %n minute environ.</numerusform>
                <numerusform>Encore %n minutes environ.</numerusform>
            </translation>
        </message>
        <message>
            <source>Less than two minutes left.</source>
            <translation>Encore moins de deux minutes.</translation>
        </message>
        <message>
            <source>The bench is working.</source>
            <translation>Le poste travaille.</translation>
        </message>
    </context>
    <context>
        <name>HsPicker</name>
        <message>
            <source>Already noted: %1</source>
            <translation>Déjà noté : %1</translation>
        </message>
        <message>
            <source>Which part is broken?</source>
            <translation>Quelle pièce est cassée ?</translation>
        </message>
        <message>
            <source>Why is it broken?</source>
            <translation>Pourquoi est-elle cassée ?</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
    </context>
    <context>
        <name>PartsPicker</name>
        <message>
            <source>Already noted: %1</source>
            <translation>Déjà noté : %1</translation>
        </message>
        <message>
            <source>I added or changed: %1</source>
            <translation>J'ai ajouté ou changé : %1</translation>
        </message>
    </context>
    <context>
        <name>CleaningChecklist</name>
        <message>
            <source>Dust blown out</source>
            <translation>Poussière soufflée</translation>
        </message>
        <message>
            <source>Case wiped</source>
            <translation>Boîtier essuyé</translation>
        </message>
        <message>
            <source>Screen wiped</source>
            <translation>Écran essuyé</translation>
        </message>
        <message>
            <source>Keyboard cleaned</source>
            <translation>Clavier nettoyé</translation>
        </message>
    </context>
    <context>
        <name>EraseConfirm</name>
        <message>
            <source>Scan the number on the disk</source>
            <translation>Scanne le numéro sur le disque</translation>
        </message>
        <message>
            <source>No disk found</source>
            <translation>Pas de disque trouvé</translation>
        </message>
        <message>
            <source>Number: %1</source>
            <translation>Numéro : %1</translation>
        </message>
        <message>
            <source>Everything on this disk will be erased. Hold the red button, or scan the number on the disk.</source>
            <translation>Tout ce disque sera effacé. Appuie longtemps sur le bouton rouge, ou scanne le numéro du disque.</translation>
        </message>
    </context>
    <context>
        <name>BenchMain</name>
        <message>
            <source>Établi: bench</source>
            <translation>Établi : poste de travail</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Labels::DeskPdf</name>
        <message>
            <source>%1 (%2, class %3) receives a computer for three years.</source>
            <translation>%1 (%2, classe %3) reçoit un ordinateur pour trois ans.</translation>
        </message>
        <message>
            <source>A bag to carry the computer, the screen and the keyboard.</source>
            <translation>Un sac pour porter l'ordinateur, l'écran et le clavier.</translation>
        </message>
        <message>
            <source>An identity document.</source>
            <translation>Une pièce d'identité.</translation>
        </message>
        <message>
            <source>Ask for the 60 € internet grant before: %1</source>
            <translation>Demandez l'aide internet de 60 € avant le : %1</translation>
        </message>
        <message>
            <source>At the desk we scan this code:</source>
            <translation>Au guichet, nous scannons ce code :</translation>
        </message>
        <message>
            <source>Beneficiary: %1 — %2 (%3)</source>
            <translation>Bénéficiaire : %1 — %2 (%3)</translation>
        </message>
        <message>
            <source>Beneficiary: %1</source>
            <translation>Bénéficiaire : %1</translation>
        </message>
        <message>
            <source>Bring proof of your internet subscription to the desk.</source>
            <translation>Apportez au guichet la preuve de votre abonnement internet.</translation>
        </message>
        <message>
            <source>Confirmed in front of a staff member: %1</source>
            <translation>Confirmé devant un membre de l'équipe : %1</translation>
        </message>
        <message>
            <source>Date: %1</source>
            <translation>Date : %1</translation>
        </message>
        <message>
            <source>Equipment lent</source>
            <translation>Matériel prêté</translation>
        </message>
        <message>
            <source>Equipment: %1 (%2)</source>
            <translation>Matériel : %1 (%2)</translation>
        </message>
        <message>
            <source>For the workshop: test, erase and image again before it goes out.</source>
            <translation>Pour l'atelier : tester, effacer et réinstaller avant de le redonner.</translation>
        </message>
        <message>
            <source>Handover receipt</source>
            <translation>Reçu de remise</translation>
        </message>
        <message>
            <source>Hello %1,</source>
            <translation>Bonjour %1,</translation>
        </message>
        <message>
            <source>If you cannot come, call the school to get another appointment.</source>
            <translation>Si vous ne pouvez pas venir, appelez l'école pour un autre rendez-vous.</translation>
        </message>
        <message>
            <source>Loan agreement and receipt</source>
            <translation>Convention de prêt et reçu</translation>
        </message>
        <message>
            <source>On %1 at %2.</source>
            <translation>Le %1 à %2.</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>PC</translation>
        </message>
        <message>
            <source>Place: %1</source>
            <translation>Lieu : %1</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Raison : %1</translation>
        </message>
        <message>
            <source>Record fingerprint (SHA-256): %1</source>
            <translation>Empreinte de l'enregistrement (SHA-256) : %1</translation>
        </message>
        <message>
            <source>Replaced at once by: %1</source>
            <translation>Remplacé tout de suite par : %1</translation>
        </message>
        <message>
            <source>Return slip</source>
            <translation>Bon de retour</translation>
        </message>
        <message>
            <source>Return under warranty</source>
            <translation>Retour sous garantie</translation>
        </message>
        <message>
            <source>School: %1</source>
            <translation>École : %1</translation>
        </message>
        <message>
            <source>Signature</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>The agreement</source>
            <translation>La convention</translation>
        </message>
        <message>
            <source>The workshop lends this equipment to the family for three years, free of charge. The family looks after it and brings it back to the desk if it breaks.</source>
            <translation>L'atelier prête ce matériel à la famille pendant trois ans, gratuitement. La famille en prend soin. Elle le rapporte au guichet s'il tombe en panne.</translation>
        </message>
        <message>
            <source>This letter.</source>
            <translation>Cette lettre.</translation>
        </message>
        <message>
            <source>Voucher: %1</source>
            <translation>Bon : %1</translation>
        </message>
        <message>
            <source>Vouchers</source>
            <translation>Bons</translation>
        </message>
        <message>
            <source>Warranty until: %1</source>
            <translation>Garantie jusqu'au : %1</translation>
        </message>
        <message>
            <source>What to bring</source>
            <translation>Ce qu'il faut apporter</translation>
        </message>
        <message>
            <source>Your appointment</source>
            <translation>Votre rendez-vous</translation>
        </message>
        <message>
            <source>Your child's computer</source>
            <translation>L'ordinateur de votre enfant</translation>
        </message>
        <message>
            <source>cannot write %1</source>
            <translation>impossible d'écrire %1</translation>
        </message>
        <message>
            <source>keyboard</source>
            <translation>clavier</translation>
        </message>
        <message>
            <source>mouse</source>
            <translation>souris</translation>
        </message>
        <message>
            <source>screen</source>
            <translation>écran</translation>
        </message>
        <message>
            <source>speakers</source>
            <translation>haut-parleurs</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Desk::DeskSession</name>
        <message>
            <source>Scan the voucher.</source>
            <translation>Scannez le bon.</translation>
        </message>
        <message>
            <source>The scanner has the wrong keyboard.</source>
            <translation>Le lecteur n'a pas le bon clavier.</translation>
        </message>
        <message>
            <source>The desk's inventory cannot be opened.</source>
            <translation>L'inventaire du guichet ne s'ouvre pas.</translation>
        </message>
        <message>
            <source>This is not a voucher. Scan the voucher.</source>
            <translation>Ce n'est pas un bon. Scannez le bon.</translation>
        </message>
        <message>
            <source>Voucher found: %1. Scan the PC.</source>
            <translation>Bon trouvé : %1. Scannez le PC.</translation>
        </message>
        <message>
            <source>This label is not right. Ask for help.</source>
            <translation>Cette étiquette ne va pas. Demandez de l'aide.</translation>
        </message>
        <message>
            <source>Unknown label. Put it aside.</source>
            <translation>Étiquette inconnue. Mettez-le de côté.</translation>
        </message>
        <message>
            <source>Label misread. Scan it again.</source>
            <translation>Étiquette mal lue. Scannez encore.</translation>
        </message>
        <message>
            <source>This one is not ready. Put it aside.</source>
            <translation>Il n'est pas prêt. Mettez-le de côté.</translation>
        </message>
        <message>
            <source>This one is for another family.</source>
            <translation>Il est pour une autre famille.</translation>
        </message>
        <message>
            <source>This one was already given.</source>
            <translation>Il est déjà donné.</translation>
        </message>
        <message>
            <source>One PC for each pupil only.</source>
            <translation>Un seul PC par élève.</translation>
        </message>
        <message>
            <source>Already scanned.</source>
            <translation>Déjà scanné.</translation>
        </message>
        <message>
            <source>PC added.</source>
            <translation>PC ajouté.</translation>
        </message>
        <message>
            <source>Screen added.</source>
            <translation>Écran ajouté.</translation>
        </message>
        <message>
            <source>Keyboard added.</source>
            <translation>Clavier ajouté.</translation>
        </message>
        <message>
            <source>Mouse added.</source>
            <translation>Souris ajoutée.</translation>
        </message>
        <message>
            <source>Speakers added.</source>
            <translation>Haut-parleurs ajoutés.</translation>
        </message>
        <message>
            <source>Added.</source>
            <translation>Ajouté.</translation>
        </message>
        <message>
            <source>No speakers in the kit.</source>
            <translation>Pas de haut-parleurs dans le kit.</translation>
        </message>
        <message>
            <source>This screen comes from another lot.</source>
            <translation>Cet écran vient d'un autre lot.</translation>
        </message>
        <message>
            <source>Confirmed.</source>
            <translation>C'est confirmé.</translation>
        </message>
        <message>
            <source>Sign on the screen, or name the staff witness.</source>
            <translation>Signez sur l'écran. Ou choisissez le témoin de l'équipe.</translation>
        </message>
        <message>
            <source>Scan the PC first.</source>
            <translation>Scannez d'abord le PC.</translation>
        </message>
        <message>
            <source>Confirm the warnings first.</source>
            <translation>Confirmez d'abord les alertes.</translation>
        </message>
        <message>
            <source>Not recorded. Ask for help.</source>
            <translation>Pas enregistré. Demandez de l'aide.</translation>
        </message>
        <message>
            <source>Warranty until %1. Ask for the internet grant before %2.</source>
            <translation>Garantie jusqu'au %1. Demandez l'aide internet avant le %2.</translation>
        </message>
        <message>
            <source>Done. The kit is handed over.</source>
            <translation>C'est fait. Le kit est donné.</translation>
        </message>
        <message>
            <source>You are on the list for the parents' lessons.</source>
            <translation>Vous êtes inscrit aux cours pour les parents.</translation>
        </message>
    </context>
    <context>
        <name>HandoverScreen</name>
        <message>
            <source>Scan the voucher</source>
            <translation>Scannez le bon</translation>
        </message>
        <message>
            <source>Scan a label</source>
            <translation>Scannez une étiquette</translation>
        </message>
        <message>
            <source>No family yet</source>
            <translation>Pas encore de famille</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Confirmer</translation>
        </message>
        <message>
            <source>Staff witness</source>
            <translation>Témoin de l'équipe</translation>
        </message>
        <message>
            <source>Erase signature</source>
            <translation>Effacer la signature</translation>
        </message>
        <message>
            <source>Next family</source>
            <translation>Famille suivante</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>Donner le kit</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>PC</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>Mouse</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Speakers</source>
            <translation>Haut-parleurs</translation>
        </message>
        <message>
            <source>On the lessons list</source>
            <translation>Inscrit aux cours</translation>
        </message>
        <message>
            <source>Join the parents' lessons</source>
            <translation>S'inscrire aux cours des parents</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Témoin</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Effacer</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Sign here</source>
            <translation>Signez ici</translation>
        </message>
    </context>
    <context>
        <name>Etabli::AppCore::Desk</name>
        <message>
            <source>this inventory is not the distribution desk's: family data never goes on a bench</source>
            <translation>cet inventaire n'est pas celui du guichet de distribution : les données des familles ne vont jamais sur un établi</translation>
        </message>
        <message>
            <source>no beneficiary «%1»</source>
            <translation>pas de bénéficiaire «%1»</translation>
        </message>
        <message>
            <source>no family of the school «%1»</source>
            <translation>aucune famille de l'école «%1»</translation>
        </message>
        <message>
            <source>no voucher %1</source>
            <translation>pas de bon %1</translation>
        </message>
        <message>
            <source>%1 is already in this kit</source>
            <translation>%1 est déjà dans ce kit</translation>
        </message>
        <message>
            <source>no asset %1 in this inventory</source>
            <translation>pas de matériel %1 dans cet inventaire</translation>
        </message>
        <message>
            <source>%1 was already handed over</source>
            <translation>%1 a déjà été remis</translation>
        </message>
        <message>
            <source>%1 is reserved for another family</source>
            <translation>%1 est réservé à une autre famille</translation>
        </message>
        <message>
            <source>%1 is not ready to be handed over (it is %2)</source>
            <translation>%1 n'est pas prêt à être remis (il est %2)</translation>
        </message>
        <message>
            <source>this pupil already has a PC: one PC per pupil</source>
            <translation>cet élève a déjà un PC : un PC par élève</translation>
        </message>
        <message>
            <source>the voucher %1 was already used</source>
            <translation>le bon %1 a déjà servi</translation>
        </message>
        <message>
            <source>give either the signature (--signature FILE.json) or the staff witness (--witness NAME)</source>
            <translation>donnez soit la signature (--signature FICHIER.json), soit le témoin de l'équipe (--witness NOM)</translation>
        </message>
        <message>
            <source>a kit needs a PC: scan the PC's label</source>
            <translation>un kit a besoin d'un PC : scannez l'étiquette du PC</translation>
        </message>
        <message>
            <source>the kit has no speakers: staff must confirm (--confirm no_speakers)</source>
            <translation>le kit n'a pas de haut-parleurs : l'équipe doit confirmer (--confirm no_speakers)</translation>
        </message>
        <message>
            <source>too late: the internet grant had to be requested by %1</source>
            <translation>trop tard : l'aide internet devait être demandée avant le %1</translation>
        </message>
        <message>
            <source>the signature is empty: sign on the screen</source>
            <translation>la signature est vide : signez sur l'écran</translation>
        </message>
        <message>
            <source>give the server as http(s)://HOST:PORT and a token</source>
            <translation>donnez le serveur sous la forme http(s)://HÔTE:PORT et un jeton</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>%1 is used</source>
            <translation>%1 est utilisée</translation>
        </message>
        <message>
            <source>Add or change parts</source>
            <translation>Ajouter ou changer des pièces</translation>
        </message>
        <message>
            <source>Badge</source>
            <translation>Badge</translation>
        </message>
        <message>
            <source>Bench keys are kept on the server. This workshop has no server.</source>
            <translation>Les clés des postes sont sur le serveur. Cet atelier n’a pas de serveur.</translation>
        </message>
        <message>
            <source>Bench keys</source>
            <translation>Clés des postes</translation>
        </message>
        <message>
            <source>Bench steps</source>
            <translation>Étapes du poste</translation>
        </message>
        <message>
            <source>Broken parts</source>
            <translation>Pièces HS</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>Fiche</translation>
        </message>
        <message>
            <source>Change this worker</source>
            <translation>Changer la fiche de cette personne</translation>
        </message>
        <message>
            <source>Clean the PC</source>
            <translation>Nettoyer le PC</translation>
        </message>
        <message>
            <source>Desk</source>
            <translation>Accueil</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fini</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <source>Erase the disk and install</source>
            <translation>Effacer le disque et installer</translation>
        </message>
        <message>
            <source>For a bench</source>
            <translation>Pour un poste</translation>
        </message>
        <message>
            <source>For the desk</source>
            <translation>Pour l’accueil</translation>
        </message>
        <message>
            <source>Help and photo</source>
            <translation>Aide et photo</translation>
        </message>
        <message>
            <source>Help on the screens</source>
            <translation>Aide sur les écrans</translation>
        </message>
        <message>
            <source>Identify the PC</source>
            <translation>Reconnaître le PC</translation>
        </message>
        <message>
            <source>Its version</source>
            <translation>Sa version</translation>
        </message>
        <message>
            <source>Label model</source>
            <translation>Modèle d’étiquette</translation>
        </message>
        <message>
            <source>Least help</source>
            <translation>Peu d’aide</translation>
        </message>
        <message>
            <source>Minimum disk (GB)</source>
            <translation>Disque minimum (Go)</translation>
        </message>
        <message>
            <source>Minimum memory (GB)</source>
            <translation>Mémoire minimum (Go)</translation>
        </message>
        <message>
            <source>Most help</source>
            <translation>Beaucoup d’aide</translation>
        </message>
        <message>
            <source>Move %1 down</source>
            <translation>Descendre %1</translation>
        </message>
        <message>
            <source>Move %1 up</source>
            <translation>Monter %1</translation>
        </message>
        <message>
            <source>Name of the new key</source>
            <translation>Nom de la nouvelle clé</translation>
        </message>
        <message>
            <source>Name shown on the screens</source>
            <translation>Nom montré sur les écrans</translation>
        </message>
        <message>
            <source>New photo (file)</source>
            <translation>Nouvelle photo (fichier)</translation>
        </message>
        <message>
            <source>New worker</source>
            <translation>Nouvelle personne</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Arrêtée</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Utilisée</translation>
        </message>
        <message>
            <source>Pack the PC</source>
            <translation>Emballer le PC</translation>
        </message>
        <message>
            <source>Photo (file)</source>
            <translation>Photo (fichier)</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>Préférences</translation>
        </message>
        <message>
            <source>Print the label</source>
            <translation>Imprimer l’étiquette</translation>
        </message>
        <message>
            <source>Revoke the key of %1</source>
            <translation>Retirer la clé de %1</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <source>Save the label model</source>
            <translation>Enregistrer le modèle d’étiquette</translation>
        </message>
        <message>
            <source>Save the minimum PC</source>
            <translation>Enregistrer le PC minimum</translation>
        </message>
        <message>
            <source>Save the system</source>
            <translation>Enregistrer le système</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Réglages</translation>
        </message>
        <message>
            <source>Some help</source>
            <translation>Un peu d’aide</translation>
        </message>
        <message>
            <source>Still works here</source>
            <translation>Travaille encore ici</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>Encadrant</translation>
        </message>
        <message>
            <source>System to install</source>
            <translation>Système à installer</translation>
        </message>
        <message>
            <source>Test the disk</source>
            <translation>Tester le disque</translation>
        </message>
        <message>
            <source>Test the keyboard and mouse</source>
            <translation>Tester le clavier et la souris</translation>
        </message>
        <message>
            <source>Test the memory</source>
            <translation>Tester la mémoire</translation>
        </message>
        <message>
            <source>Test the screen</source>
            <translation>Tester l’écran</translation>
        </message>
        <message>
            <source>Test the sound</source>
            <translation>Tester le son</translation>
        </message>
        <message>
            <source>The preferences are not valid.</source>
            <translation>Les préférences ne sont pas valides.</translation>
        </message>
        <message>
            <source>Type a number.</source>
            <translation>Tapez un nombre.</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <source>Worker</source>
            <translation>Bénévole</translation>
        </message>
        <message>
            <source>Workers</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>has left</source>
            <translation>est partie</translation>
        </message>
        <message>
            <source>revoked</source>
            <translation>retirée</translation>
        </message>
        <message>
            <source>Hold to revoke</source>
            <translation>Appuyer longtemps pour retirer</translation>
        </message>
    </context>
    <context>
        <name>DetailPage</name>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>Broken parts</source>
            <translation>Pièces HS</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Détail</translation>
        </message>
        <message>
            <source>Erasures</source>
            <translation>Effacements</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>Nothing here.</source>
            <translation>Rien ici.</translation>
        </message>
        <message>
            <source>Opens the asset</source>
            <translation>Ouvre l’appareil</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
        <message>
            <source>Tests</source>
            <translation>Tests</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Totaux</translation>
        </message>
        <message>
            <source>What they did</source>
            <translation>Son travail</translation>
        </message>
    </context>
    <context>
        <name>Pager</name>
        <message>
            <source>Next</source>
            <translation>Suivant</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Page %1 sur %2</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>Précédent</translation>
        </message>
    </context>
    <context>
        <name>PeriodBar</name>
        <message>
            <source>From %1 to %2</source>
            <translation>Du %1 au %2</translation>
        </message>
        <message>
            <source>From (year-month-day)</source>
            <translation>Du (année-mois-jour)</translation>
        </message>
        <message>
            <source>Lot (empty: all)</source>
            <translation>Lot (vide : tous)</translation>
        </message>
        <message>
            <source>Other dates or lot</source>
            <translation>Autres dates ou lot</translation>
        </message>
        <message>
            <source>Other dates</source>
            <translation>Autres dates</translation>
        </message>
        <message>
            <source>Previous year</source>
            <translation>L’an dernier</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Ce mois-ci</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Cette année</translation>
        </message>
        <message>
            <source>To (year-month-day)</source>
            <translation>Au (année-mois-jour)</translation>
        </message>
        <message>
            <source>all lots</source>
            <translation>tous les lots</translation>
        </message>
        <message>
            <source>lot %1</source>
            <translation>lot %1</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Supervisor</name>
        <message>
            <source>%1 exists already</source>
            <translation>%1 existe déjà</translation>
        </message>
    </context>
    <context>
        <name>DeskHome</name>
        <message>
            <source>Give a kit</source>
            <translation>Donner un kit</translation>
        </message>
        <message>
            <source>Internet grant</source>
            <translation>Aide internet</translation>
        </message>
        <message>
            <source>Parents' lessons</source>
            <translation>Cours des parents</translation>
        </message>
        <message>
            <source>Return for repair</source>
            <translation>Retour en réparation</translation>
        </message>
    </context>
    <context>
        <name>DeskMain</name>
        <message>
            <source>Home</source>
            <translation>Accueil</translation>
        </message>
    </context>
    <context>
        <name>GrantScreen</name>
        <message>
            <source>Scan the voucher or the PC</source>
            <translation>Scannez le bon ou le PC</translation>
        </message>
        <message>
            <source>Internet grant: 60 euros, once.</source>
            <translation>Aide internet : 60 euros, une seule fois.</translation>
        </message>
        <message>
            <source>%1: grant paid on %2.</source>
            <translation>%1 : aide payée le %2.</translation>
        </message>
        <message>
            <source>%1: grant asked on %2.</source>
            <translation>%1 : aide demandée le %2.</translation>
        </message>
        <message>
            <source>%1: ask before %2.</source>
            <translation>%1 : demandez avant le %2.</translation>
        </message>
        <message>
            <source>Day before</source>
            <translation>Jour d'avant</translation>
        </message>
        <message>
            <source>Date: %1</source>
            <translation>Date : %1</translation>
        </message>
        <message>
            <source>Day after</source>
            <translation>Jour d'après</translation>
        </message>
        <message>
            <source>Is there a proof of internet?</source>
            <translation>Avez-vous la preuve d'internet ?</translation>
        </message>
        <message>
            <source>Yes, proof here</source>
            <translation>Oui, la preuve est là</translation>
        </message>
        <message>
            <source>No proof</source>
            <translation>Pas de preuve</translation>
        </message>
        <message>
            <source>Grant paid</source>
            <translation>Aide payée</translation>
        </message>
    </context>
    <context>
        <name>TrainingScreen</name>
        <message>
            <source>Scan the voucher or the PC</source>
            <translation>Scannez le bon ou le PC</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>Inscrire</translation>
        </message>
        <message>
            <source>Put %1 on the lessons list</source>
            <translation>Inscrire %1 aux cours</translation>
        </message>
        <message>
            <source>The parent came? Touch the number of the lesson.</source>
            <translation>Le parent est venu ? Touchez le numéro du cours.</translation>
        </message>
        <message>
            <source>Parents' lessons</source>
            <translation>Cours des parents</translation>
        </message>
        <message>
            <source>12 hours done</source>
            <translation>12 heures faites</translation>
        </message>
        <message>
            <source>%1 of 12 hours</source>
            <translation>%1 heures sur 12</translation>
        </message>
        <message>
            <source>%1, lesson %2: came</source>
            <translation>%1, cours %2 : venu</translation>
        </message>
        <message>
            <source>%1, lesson %2: not yet</source>
            <translation>%1, cours %2 : pas encore</translation>
        </message>
    </context>
    <context>
        <name>ReturnScreen</name>
        <message>
            <source>Scan the replacement</source>
            <translation>Scannez l'appareil de remplacement</translation>
        </message>
        <message>
            <source>Scan what comes back</source>
            <translation>Scannez ce qui revient</translation>
        </message>
        <message>
            <source>Swap</source>
            <translation>Échanger</translation>
        </message>
        <message>
            <source>Give a replacement</source>
            <translation>Donner un autre appareil</translation>
        </message>
        <message>
            <source>Record and print</source>
            <translation>Enregistrer et imprimer</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Suivant</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Imprimer</translation>
        </message>
    </context>
    <context>
        <name>Etabli::Desk::DeskCare</name>
        <message>
            <source>The scanner has the wrong keyboard.</source>
            <translation>Le lecteur n'a pas le bon clavier.</translation>
        </message>
        <message>
            <source>The desk's inventory cannot be opened.</source>
            <translation>L'inventaire du guichet ne s'ouvre pas.</translation>
        </message>
        <message>
            <source>Family not found. Scan the voucher or the PC.</source>
            <translation>Famille introuvable. Scannez le bon ou le PC.</translation>
        </message>
        <message>
            <source>Family found: %1.</source>
            <translation>Famille trouvée : %1.</translation>
        </message>
        <message>
            <source>Scan the voucher or the PC first.</source>
            <translation>Scannez d'abord le bon ou le PC.</translation>
        </message>
        <message>
            <source>Too late. The last day was %1.</source>
            <translation>Trop tard. Le dernier jour était le %1.</translation>
        </message>
        <message>
            <source>Already asked. One grant for each pupil.</source>
            <translation>Déjà demandée. Une aide par élève.</translation>
        </message>
        <message>
            <source>No PC given yet. No grant.</source>
            <translation>Pas encore de PC donné. Pas d'aide.</translation>
        </message>
        <message>
            <source>Not recorded. Ask for help.</source>
            <translation>Pas enregistré. Demandez de l'aide.</translation>
        </message>
        <message>
            <source>Grant asked. The proof is here.</source>
            <translation>Aide demandée. La preuve est là.</translation>
        </message>
        <message>
            <source>Grant asked. Bring the internet bill.</source>
            <translation>Aide demandée. Apportez la facture internet.</translation>
        </message>
        <message>
            <source>The grant was not asked yet.</source>
            <translation>L'aide n'est pas encore demandée.</translation>
        </message>
        <message>
            <source>The grant is already paid.</source>
            <translation>L'aide est déjà payée.</translation>
        </message>
        <message>
            <source>Grant paid.</source>
            <translation>Aide payée.</translation>
        </message>
        <message>
            <source>Already on the list.</source>
            <translation>Déjà inscrit.</translation>
        </message>
        <message>
            <source>You are on the list for the parents' lessons.</source>
            <translation>Vous êtes inscrit aux cours pour les parents.</translation>
        </message>
        <message>
            <source>Already marked for lesson %1.</source>
            <translation>Déjà noté pour le cours %1.</translation>
        </message>
        <message>
            <source>%1 came to lesson %2.</source>
            <translation>%1 est venu au cours %2.</translation>
        </message>
        <message>
            <source>No power</source>
            <translation>Pas de courant</translation>
        </message>
        <message>
            <source>Does not start</source>
            <translation>Ne démarre pas</translation>
        </message>
        <message>
            <source>Screen</source>
            <translation>Écran</translation>
        </message>
        <message>
            <source>Keyboard</source>
            <translation>Clavier</translation>
        </message>
        <message>
            <source>Mouse</source>
            <translation>Souris</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>Son</translation>
        </message>
        <message>
            <source>Slow</source>
            <translation>Lent</translation>
        </message>
        <message>
            <source>Broken</source>
            <translation>Cassé</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <source>Label misread. Scan it again.</source>
            <translation>Étiquette mal lue. Scannez encore.</translation>
        </message>
        <message>
            <source>Unknown label. Put it aside.</source>
            <translation>Étiquette inconnue. Mettez-le de côté.</translation>
        </message>
        <message>
            <source>This one was not given to a family.</source>
            <translation>Celui-ci n'a pas été donné à une famille.</translation>
        </message>
        <message>
            <source>Found. What is wrong? Touch a picture.</source>
            <translation>Trouvé. Qu'est-ce qui ne va pas ? Touchez une image.</translation>
        </message>
        <message>
            <source>This one is not ready. Put it aside.</source>
            <translation>Il n'est pas prêt. Mettez-le de côté.</translation>
        </message>
        <message>
            <source>This one is for another family.</source>
            <translation>Il est pour une autre famille.</translation>
        </message>
        <message>
            <source>This one was already given.</source>
            <translation>Il est déjà donné.</translation>
        </message>
        <message>
            <source>Not the same kind. Scan the same kind of device.</source>
            <translation>Pas le même appareil. Scannez un appareil du même type.</translation>
        </message>
        <message>
            <source>Replacement found. Touch Print.</source>
            <translation>Appareil de remplacement trouvé. Touchez Imprimer.</translation>
        </message>
        <message>
            <source>Scan the replacement.</source>
            <translation>Scannez l'appareil de remplacement.</translation>
        </message>
        <message>
            <source>Touch a picture first: what is wrong?</source>
            <translation>Touchez d'abord une image : qu'est-ce qui ne va pas ?</translation>
        </message>
        <message>
            <source>Recorded. It goes back to the workshop.</source>
            <translation>Enregistré. Il retourne à l'atelier.</translation>
        </message>
        <message>
            <source>Recorded. The family takes the replacement.</source>
            <translation>Enregistré. La famille prend l'appareil de remplacement.</translation>
        </message>
        <message>
            <source>Take the slip from the printer.</source>
            <translation>Prenez la fiche dans l'imprimante.</translation>
        </message>
        <message>
            <source>Scan the voucher or the PC.</source>
            <translation>Scannez le bon ou le PC.</translation>
        </message>
    </context>
</TS>
