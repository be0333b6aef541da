<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../ui/annotator.py" line="67"/>
        <source>A note cannot be empty.</source>
        <translation>Een notitie kan niet leeg zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/annotator.py" line="86"/>
        <source>Indicator %1 on %2 item(s)</source>
        <translation>Indicator %1 op %2 item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/annotator.py" line="100"/>
        <source>Indicator %1</source>
        <translation>Indicator %1</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="96"/>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="100"/>
        <source>Checking the hash chain…</source>
        <translation>De hashketen wordt gecontroleerd…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="154"/>
        <source>Chain intact: %1 entries, head %2</source>
        <translation>Keten intact: %1 regels, kop %2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="160"/>
        <source>CHAIN BROKEN: </source>
        <translation>KETEN VERBROKEN: </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="41"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="42"/>
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="43"/>
        <source>Analyst</source>
        <translation>Analist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="44"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="45"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/audit_dialog.py" line="46"/>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
</context>
<context>
    <name>CaseMetaDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="309"/>
        <source>Case details</source>
        <translation>Zaakgegevens</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="317"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="318"/>
        <source>Case number:</source>
        <translation>Zaaknummer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="319"/>
        <source>Agency:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="320"/>
        <source>Lead analyst:</source>
        <translation>Hoofdanalist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="321"/>
        <source>Time zone:</source>
        <translation>Tijdzone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="322"/>
        <source>Default region:</source>
        <translation>Standaardregio:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="323"/>
        <source>Report marking:</source>
        <translation>Rapportmarkering:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="333"/>
        <source>none (e.g. OFFICIAL-SENSITIVE, as your agency requires)</source>
        <translation>geen (bijv. DEPARTEMENTAAL VERTROUWELIJK, zoals uw organisatie voorschrijft)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="337"/>
        <source>Created (UTC):</source>
        <translation>Aangemaakt (UTC):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="338"/>
        <source>File:</source>
        <translation>Bestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="360"/>
        <source>The title cannot be empty.</source>
        <translation>De titel mag niet leeg zijn.</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <location filename="../../ui/undo.py" line="64"/>
        <source>Tag %1 item(s) “%2”</source>
        <translation>%1 item(s) labelen met “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="66"/>
        <source>Untag %1 item(s) “%2”</source>
        <translation>Label “%2” van %1 item(s) verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="90"/>
        <source>Mark relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="91"/>
        <source>Mark not relevant</source>
        <translation>Niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="92"/>
        <source>Clear triage mark</source>
        <translation>Triagemarkering wissen</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="108"/>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="129"/>
        <source>Add %1 item(s) to exhibits</source>
        <translation>%1 item(s) aan de stukken van overtuiging toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="131"/>
        <source>Remove %1 item(s) from exhibits</source>
        <translation>%1 item(s) uit de stukken verwijderen</translation>
    </message>
</context>
<context>
    <name>ClustersView</name>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="152"/>
        <source>Show in grid</source>
        <translation>In raster tonen</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="173"/>
        <source>Finding near-duplicate clusters…</source>
        <translation>Bijna-duplicaatclusters worden gezocht…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="179"/>
        <source>No duplicate clusters: no photo appears more than once in this case.</source>
        <translation>Geen duplicaatclusters: geen foto komt meer dan eens voor in deze zaak.</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="236"/>
        <source>%1 items; distances are to the reference member</source>
        <translation>%1 items; afstanden ten opzichte van het referentie-item</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="193"/>
        <location filename="../../ui/views/clusters_view.py" line="255"/>
        <location filename="../../ui/views/clusters_view.py" line="260"/>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="271"/>
        <source>Search in this chat (Enter: next match)</source>
        <translation>Zoeken in deze chat (Enter: volgende treffer)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="274"/>
        <source>Add selected messages as an exhibit</source>
        <translation>Geselecteerde berichten als bewijsstuk toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="305"/>
        <source>Selectors in this message (double-click: all items)</source>
        <translation>Selectors in dit bericht (dubbelklik: alle items)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="307"/>
        <source>Attachments (double-click: open)</source>
        <translation>Bijlagen (dubbelklik: openen)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="324"/>
        <source>times from the source in UTC</source>
        <translation>tijden uit de bron in UTC</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="326"/>
        <source>%1 chat “%2”: %3 messages, %4 – %5. Participants: %6. Local times read in: %7.</source>
        <translation>%1-chat “%2”: %3 berichten, %4 – %5. Deelnemers: %6. Lokale tijden gelezen in: %7.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="363"/>
        <source>searching…</source>
        <translation>zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="383"/>
        <source>no match</source>
        <translation>geen treffer</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="401"/>
        <location filename="../../ui/views/conversation_view.py" line="407"/>
        <source>Chat excerpt</source>
        <translation>Chatfragment</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="401"/>
        <source>Select the messages first.</source>
        <translation>Selecteer eerst de berichten.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="408"/>
        <source>%1 message(s) added to the report as exhibit %2.</source>
        <translation>%1 bericht(en) aan het rapport toegevoegd als bewijsstuk %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="420"/>
        <source>(system)</source>
        <translation>(systeem)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="421"/>
        <source>as written</source>
        <translation>zoals geschreven</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="428"/>
        <source>in reply to %1</source>
        <translation>antwoord op %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/conversation_view.py" line="430"/>
        <source>forwarded</source>
        <translation>doorgestuurd</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="98"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="107"/>
        <source>Extracting text…</source>
        <translation>Tekst wordt uitgelezen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="120"/>
        <source>Render pages</source>
        <translation>Pagina&apos;s weergeven</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="124"/>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="144"/>
        <source>Rendering…</source>
        <translation>Bezig met weergeven…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/app.py" line="60"/>
        <source>Something went wrong inside the workstation. Your case is safe: every change is saved when you make it. The details were written to the log file:
%1</source>
        <translation>Er ging iets mis in de workstation. Uw zaak is veilig: elke wijziging wordt opgeslagen zodra u die maakt. De details staan in het logbestand:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="67"/>
        <source>Unexpected problem</source>
        <translation>Onverwacht probleem</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="226"/>
        <source>Send to partner</source>
        <translation>Naar partner sturen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="240"/>
        <source>Signed by you (%1), fingerprint &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Ondertekend door u (%1), vingerafdruk &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="241"/>
        <source>no name</source>
        <translation>geen naam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="247"/>
        <source>No identity on this computer (%1). Create one with &apos;workstation keys new&apos;.</source>
        <translation>Geen identiteit op deze computer (%1). Maak er een met &apos;workstation keys new&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="253"/>
        <source>Encrypt to these contacts:</source>
        <translation>Versleutelen voor deze contacten:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="266"/>
        <source>No contacts yet: add one with &apos;workstation contacts add NAME LINE&apos;.</source>
        <translation>Nog geen contacten: voeg er een toe met &apos;workstation contacts add NAAM REGEL&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="268"/>
        <source>Encrypt with a passphrase instead</source>
        <translation>In plaats daarvan met een wachtwoordzin versleutelen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="274"/>
        <source>Bundle passphrase:</source>
        <translation>Wachtwoordzin van de bundel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="275"/>
        <source>Repeat:</source>
        <translation>Herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="279"/>
        <source>The whole case</source>
        <translation>De hele zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="282"/>
        <source>The exhibits (%1)</source>
        <translation>De bewijsstukken (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="285"/>
        <source>The %1 selected item(s)</source>
        <translation>De %1 geselecteerde item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="296"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="300"/>
        <source>Bundle file:</source>
        <translation>Bundelbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="303"/>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="304"/>
        <source>Your key passphrase:</source>
        <translation>Wachtwoordzin van uw sleutel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="307"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="314"/>
        <source>Save bundle</source>
        <translation>Bundel opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="345"/>
        <source>Choose the bundle file.</source>
        <translation>Kies het bundelbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="348"/>
        <source>A file with this name already exists; choose another name.</source>
        <translation>Er bestaat al een bestand met deze naam; kies een andere naam.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="352"/>
        <source>Enter your key passphrase (it signs the bundle).</source>
        <translation>Voer de wachtwoordzin van uw sleutel in (daarmee wordt de bundel ondertekend).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="359"/>
        <source>Enter the bundle passphrase.</source>
        <translation>Voer de wachtwoordzin van de bundel in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="362"/>
        <source>The two bundle passphrases differ.</source>
        <translation>De twee wachtwoordzinnen van de bundel verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="367"/>
        <source>Tick at least one contact, or choose the passphrase mode.</source>
        <translation>Vink minstens één contact aan, of kies versleuteling met een wachtwoordzin.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="390"/>
        <source>passphrase holders</source>
        <translation>houders van de wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="392"/>
        <source>Bundle written: %1 (%2 item(s), %3 bytes) for %4.
SHA-256 %5
Signed with fingerprint %6.</source>
        <translation>Bundel geschreven: %1 (%2 item(s), %3 bytes) voor %4.
SHA-256 %5
Ondertekend met vingerafdruk %6.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="400"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="292"/>
        <source>Loading the original…</source>
        <translation>Het origineel wordt geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="309"/>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="310"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="311"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="312"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="314"/>
        <source>Draw region</source>
        <translation>Gebied tekenen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="317"/>
        <location filename="../../ui/views/image_viewer.py" line="360"/>
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="318"/>
        <source>Show this picture unblurred (V)</source>
        <translation>Deze afbeelding onvervaagd tonen (V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="334"/>
        <source>This image cannot be displayed (damaged, unsupported or too large).</source>
        <translation>Deze afbeelding kan niet worden getoond (beschadigd, niet ondersteund of te groot).</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="360"/>
        <source>Hide again</source>
        <translation>Weer verbergen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="377"/>
        <source>safe view: press V to reveal</source>
        <translation>veilige weergave: druk op V om te onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="410"/>
        <source>(region)</source>
        <translation>(gebied)</translation>
    </message>
</context>
<context>
    <name>ImportErrorsView</name>
    <message>
        <location filename="../../ui/views/tables_views.py" line="59"/>
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="59"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="59"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="59"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="62"/>
        <source>No import errors. Every file imported so far was read.</source>
        <translation>Geen importfouten. Elk tot nu toe geïmporteerd bestand is gelezen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="159"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/views/inspector.py" line="160"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="162"/>
        <location filename="../../ui/views/inspector.py" line="366"/>
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="165"/>
        <source>Show this picture unblurred (V)</source>
        <translation>Deze afbeelding onvervaagd tonen (V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="179"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="180"/>
        <source>Annotations</source>
        <translation>Annotaties</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="181"/>
        <location filename="../../ui/views/inspector.py" line="747"/>
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="189"/>
        <source>&lt;b&gt;Triage&lt;/b&gt;</source>
        <translation>&lt;b&gt;Triage&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="191"/>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="193"/>
        <source>Mark relevant (R)</source>
        <translation>Markeren als relevant (R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="194"/>
        <source>Not relevant</source>
        <translation>Niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="196"/>
        <source>Mark not relevant (X)</source>
        <translation>Markeren als niet relevant (X)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="202"/>
        <location filename="../../ui/views/inspector.py" line="589"/>
        <source>Add to exhibits</source>
        <translation>Toevoegen aan stukken</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="207"/>
        <source>&lt;b&gt;Tags&lt;/b&gt;</source>
        <translation>&lt;b&gt;Labels&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="211"/>
        <source>Add a tag, e.g. minor, screenshot, city:Rotterdam</source>
        <translation>Label toevoegen, bijv. minderjarige, screenshot, stad:Rotterdam</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="216"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="224"/>
        <source>Double-click a tag to remove it</source>
        <translation>Dubbelklik op een label om het te verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="228"/>
        <source>&lt;b&gt;Notes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notities&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="235"/>
        <source>Write a note (kept with your name and the time)</source>
        <translation>Schrijf een notitie (bewaard met uw naam en het tijdstip)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="238"/>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="252"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="252"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="267"/>
        <source>Confirm suggestion</source>
        <translation>Voorstel bevestigen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="268"/>
        <source>Reject suggestion</source>
        <translation>Voorstel afwijzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="295"/>
        <source>No item selected</source>
        <translation>Geen item geselecteerd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="296"/>
        <source>Select an item to see its provenance, hashes and annotations.</source>
        <translation>Selecteer een item om herkomst, hashes en annotaties te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="321"/>
        <source>%1 items selected: annotation buttons apply to all of them.</source>
        <translation>%1 items geselecteerd: de annotatieknoppen gelden voor alle.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="366"/>
        <source>Hide again</source>
        <translation>Weer verbergen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="409"/>
        <location filename="../../ui/views/inspector.py" line="735"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="410"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="411"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="414"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="415"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="416"/>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="418"/>
        <source>Dimensions</source>
        <translation>Afmetingen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="420"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="434"/>
        <source>Source URL</source>
        <translation>Bron-URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="436"/>
        <source>Final URL</source>
        <translation>Eind-URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="438"/>
        <source>Source path</source>
        <translation>Bronpad</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="439"/>
        <source>Capture method</source>
        <translation>Vastleggingsmethode</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="444"/>
        <source>Captured</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="445"/>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="446"/>
        <source>Imported by</source>
        <translation>Geïmporteerd door</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="447"/>
        <source>Importer</source>
        <translation>Importeur</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="463"/>
        <source>GPS position</source>
        <translation>GPS-positie</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="471"/>
        <source>Parent</source>
        <translation>Bovenliggend item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="476"/>
        <source>Contains</source>
        <translation>Bevat</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="480"/>
        <source>Exact duplicates</source>
        <translation>Exacte duplicaten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="511"/>
        <source>Distances are to the reference of</source>
        <translation>Afstanden ten opzichte van de referentie van</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="512"/>
        <source>cluster %1</source>
        <translation>cluster %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="524"/>
        <source>Watchlist hits</source>
        <translation>Treffers op watchlists</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="525"/>
        <source>on watchlist %1</source>
        <translation>op watchlist %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="546"/>
        <source>on %1 item(s)</source>
        <translation>op %1 item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="587"/>
        <source>Remove from exhibits (exhibit %1)</source>
        <translation>Uit stukken verwijderen (stuk %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="625"/>
        <source>Tick an indicator to confirm it for this item; suggestions from the text scan are marked.</source>
        <translation>Vink een indicator aan om hem voor dit item te bevestigen; voorstellen uit de tekstscan zijn gemarkeerd.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="646"/>
        <source>suggested</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="647"/>
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="648"/>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="736"/>
        <source>Hashes of the original</source>
        <translation>Hashes van het origineel</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="737"/>
        <source>original offset</source>
        <translation>oorspronkelijke tijdverschuiving</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="738"/>
        <source>Provenance</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="739"/>
        <source>altitude</source>
        <translation>hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="740"/>
        <source>EXIF</source>
        <translation>EXIF</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="741"/>
        <source>No EXIF metadata in this image.</source>
        <translation>Geen EXIF-metadata in deze afbeelding.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="742"/>
        <source>Related items</source>
        <translation>Verwante items</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="743"/>
        <source>Near duplicates</source>
        <translation>Bijna-duplicaten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="744"/>
        <source>Looking for near duplicates…</source>
        <translation>Bijna-duplicaten worden gezocht…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="745"/>
        <source>None found.</source>
        <translation>Niets gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="746"/>
        <source>Selectors in this item</source>
        <translation>Selectors in dit item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="748"/>
        <source>None yet.</source>
        <translation>Nog geen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="749"/>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="750"/>
        <source>Exhibit</source>
        <translation>Stuk van overtuiging</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="751"/>
        <source>Exhibit number</source>
        <translation>Stuknummer</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="752"/>
        <source>No notes yet.</source>
        <translation>Nog geen notities.</translation>
    </message>
</context>
<context>
    <name>ItemModel</name>
    <message>
        <location filename="../../ui/models/item_model.py" line="521"/>
        <source>Image</source>
        <translation>Afbeelding</translation>
    </message>
    <message>
        <location filename="../../ui/models/item_model.py" line="522"/>
        <source>Page</source>
        <translation>Pagina</translation>
    </message>
    <message>
        <location filename="../../ui/models/item_model.py" line="523"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../ui/models/item_model.py" line="524"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/models/item_model.py" line="525"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../ui/models/item_model.py" line="526"/>
        <source>Video frame</source>
        <translation>Videobeeld</translation>
    </message>
</context>
<context>
    <name>ItemsView</name>
    <message>
        <location filename="../../ui/views/items_view.py" line="120"/>
        <source>Search text, titles and names (any script)…</source>
        <translation>Zoeken in tekst, titels en namen (elk schrift)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="131"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="133"/>
        <source>Thumbnail grid (Ctrl+1)</source>
        <translation>Miniaturenraster (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="135"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="137"/>
        <source>Sortable table (Ctrl+2)</source>
        <translation>Sorteerbare tabel (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="150"/>
        <source>Thumbnail size</source>
        <translation>Grootte van miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="204"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="209"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="262"/>
        <source>loading…</source>
        <translation>laden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="265"/>
        <source>%1 item(s)</source>
        <translation>%1 item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="268"/>
        <source>Nothing matches “%1”.</source>
        <translation>Niets komt overeen met “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="270"/>
        <source>No items here yet.</source>
        <translation>Hier zijn nog geen items.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="274"/>
        <source>This case has no items yet.

Drag files or folders here, or use File → Import files… to bring in seized images, saved pages and documents.</source>
        <translation>Deze zaak heeft nog geen items.

Sleep bestanden of mappen hierheen, of gebruik Bestand → Bestanden importeren… om in beslag genomen afbeeldingen, opgeslagen pagina&apos;s en documenten toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="287"/>
        <source>The items could not be listed: %1</source>
        <translation>De items konden niet worden opgesomd: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>All items</source>
        <translation>Alle items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>&amp;Close case</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>Case &amp;details…</source>
        <translation>Zaak&amp;gegevens…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>&amp;Import files…</source>
        <translation>Bestanden &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>Import seized images, saved pages, archives and documents</source>
        <translation>In beslag genomen afbeeldingen, opgeslagen pagina&apos;s, archieven en documenten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>Import &amp;folder…</source>
        <translation>&amp;Map importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Court-ready PDF report</source>
        <translation>PDF-rapport voor de rechtbank</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>&amp;Send to partner…</source>
        <translation>&amp;Naar partner sturen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Rec&amp;eive bundle…</source>
        <translation>Bundel ont&amp;vangen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>&amp;Verify integrity…</source>
        <translation>Integriteit &amp;controleren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>&amp;Scan texts for indicators and selectors</source>
        <translation>Teksten &amp;scannen op indicatoren en selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Scan for indicators and selectors</source>
        <translation>Scannen op indicatoren en selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>items</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Hash images for duplicate search</source>
        <translation>Afbeeldingen &amp;hashen voor duplicaten zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Hash images</source>
        <translation>Afbeeldingen hashen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>images</source>
        <translation>afbeeldingen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>&amp;Grid</source>
        <translation>&amp;Raster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>&amp;Table</source>
        <translation>&amp;Tabel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Larger thumbnails</source>
        <translation>Grotere miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>Smaller thumbnails</source>
        <translation>Kleinere miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>&amp;Safe view</source>
        <translation>&amp;Veilige weergave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Blur and grey pictures until you reveal them</source>
        <translation>Afbeeldingen vervagen en grijs tonen tot u ze onthult</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>Re&amp;veal selected</source>
        <translation>Selectie &amp;onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Auditlog…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>Close viewer tab</source>
        <translation>Viewertabblad sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>&amp;Next item</source>
        <translation>&amp;Volgend item</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>&amp;Previous item</source>
        <translation>V&amp;orig item</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>&amp;Open item</source>
        <translation>Item &amp;openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Mark &amp;relevant</source>
        <translation>Markeren als &amp;relevant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Mark &amp;not relevant</source>
        <translation>Markeren als &amp;niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Clear triage mark</source>
        <translation>Triagemarkering wissen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Add &amp;tag…</source>
        <translation>&amp;Label toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Set &amp;category…</source>
        <translation>&amp;Categorie instellen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Mark as involving a &amp;minor</source>
        <translation>Markeren als betreft &amp;minderjarige</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Add n&amp;ote…</source>
        <translation>N&amp;otitie toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>Add to &amp;exhibits</source>
        <translation>Toevoegen aan &amp;stukken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>Remove from exhibits</source>
        <translation>Uit stukken verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="228"/>
        <source>&amp;Indicator…</source>
        <translation>&amp;Indicator…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="279"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Annoteren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Frequent indicators</source>
        <translation>Veelgebruikte indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Anal&amp;ysis</source>
        <translation>Anal&amp;yse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Networks, persons and platforms</source>
        <translation>Netwerken, personen en platforms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>Evidence Workstation</source>
        <translation>Evidence Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="370"/>
        <source>%1 selector(s)</source>
        <translation>%1 selector(s)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>%1 import error(s)</source>
        <translation>%1 importfout(en)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>%1 cluster(s)</source>
        <translation>%1 cluster(s)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>%1 shown · %2 selected</source>
        <translation>%1 getoond · %2 geselecteerd</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="404"/>
        <source>Not changed</source>
        <translation>Niet gewijzigd</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="449"/>
        <source>Networks</source>
        <translation>Netwerken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="461"/>
        <source>Duplicate clusters</source>
        <translation>Duplicaatclusters</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="469"/>
        <source>Selectors</source>
        <translation>Selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="473"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="478"/>
        <source>Cluster %1: %2</source>
        <translation>Cluster %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="640"/>
        <source>Add tag</source>
        <translation>Label toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="640"/>
        <source>Tag for %1 item(s):</source>
        <translation>Label voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="656"/>
        <source>Set category</source>
        <translation>Categorie instellen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="657"/>
        <source>Category for %1 item(s):</source>
        <translation>Categorie voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="670"/>
        <source>Note for %1 item(s):</source>
        <translation>Notitie voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="684"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="685"/>
        <source>Confirm indicator for %1 item(s):</source>
        <translation>Indicator bevestigen voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="779"/>
        <source>SAFE VIEW</source>
        <translation>VEILIGE WEERGAVE</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="805"/>
        <source>Import files</source>
        <translation>Bestanden importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="810"/>
        <source>Import folder</source>
        <translation>Map importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="817"/>
        <location filename="../../ui/main_window.py" line="821"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="817"/>
        <source>An import is already running.</source>
        <translation>Er loopt al een import.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="821"/>
        <source>files</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="825"/>
        <source>Importing</source>
        <translation>Bezig met importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="834"/>
        <source>Imported %1 item(s); %2 exact duplicate(s); %3 already in the case; %4 problem(s).</source>
        <translation>%1 item(s) geïmporteerd; %2 exact(e) duplica(a)t(en); %3 al in de zaak; %4 probleem/problemen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="870"/>
        <source>Intact: %1 original(s) re-hashed, %2 audit entries, chain head %3.</source>
        <translation>Intact: %1 origine(e)l(en) opnieuw gehasht, %2 auditregels, kop van de keten %3.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="872"/>
        <source>PROBLEMS FOUND: %1 original(s) re-hashed, %2 audit entries, chain head %3.</source>
        <translation>PROBLEMEN GEVONDEN: %1 origine(e)l(en) opnieuw gehasht, %2 auditregels, kop van de keten %3.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="881"/>
        <source>Verify integrity</source>
        <translation>Integriteit controleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="881"/>
        <source>originals</source>
        <translation>originelen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="884"/>
        <source>Verifying</source>
        <translation>Bezig met controleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1014"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1019"/>
        <source>About Evidence Workstation</source>
        <translation>Over Evidence Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1021"/>
        <source>&lt;b&gt;Evidence Workstation&lt;/b&gt;&lt;br&gt;Offline review of captured web pages and seized images for human-trafficking investigations.&lt;br&gt;&lt;br&gt;Case file: %1</source>
        <translation>&lt;b&gt;Evidence Workstation&lt;/b&gt;&lt;br&gt;Offline beoordeling van vastgelegde webpagina&apos;s en in beslag genomen afbeeldingen bij onderzoek naar mensenhandel.&lt;br&gt;&lt;br&gt;Zaakbestand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="1043"/>
        <source>Frequent indicators (Annotate menu)</source>
        <translation>Veelgebruikte indicatoren (menu Annoteren)</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="76"/>
        <source>reference member</source>
        <translation>referentie-item</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="78"/>
        <source>distance %1</source>
        <translation>afstand %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="92"/>
        <source>kept as duplicate</source>
        <translation>behouden als duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="92"/>
        <source>marked: not a duplicate</source>
        <translation>gemarkeerd: geen duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="98"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="103"/>
        <source>Keep</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="104"/>
        <source>Confirm: the same photo</source>
        <translation>Bevestigen: dezelfde foto</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="106"/>
        <source>Not a duplicate</source>
        <translation>Geen duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="107"/>
        <source>Not the same photo: take it out of this cluster</source>
        <translation>Niet dezelfde foto: uit dit cluster halen</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../ui/views/navigator.py" line="33"/>
        <source>%1 copies</source>
        <translation>%1 kopieën</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="98"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="99"/>
        <source>All items</source>
        <translation>Alle items</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="101"/>
        <source>Images</source>
        <translation>Afbeeldingen</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="104"/>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="109"/>
        <location filename="../../ui/views/navigator.py" line="110"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="115"/>
        <location filename="../../ui/views/navigator.py" line="116"/>
        <source>Other files</source>
        <translation>Overige bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="121"/>
        <location filename="../../ui/views/navigator.py" line="122"/>
        <source>Conversations</source>
        <translation>Gesprekken</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="124"/>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="128"/>
        <location filename="../../ui/views/navigator.py" line="130"/>
        <source>Not yet triaged</source>
        <translation>Nog niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="136"/>
        <location filename="../../ui/views/navigator.py" line="137"/>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="142"/>
        <location filename="../../ui/views/navigator.py" line="143"/>
        <source>Not relevant</source>
        <translation>Niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="146"/>
        <source>Exhibits</source>
        <translation>Stukken van overtuiging</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="148"/>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="149"/>
        <source>Duplicate clusters</source>
        <translation>Duplicaatclusters</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="150"/>
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="151"/>
        <source>Selectors</source>
        <translation>Selectors</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="152"/>
        <location filename="../../ui/views/navigator.py" line="249"/>
        <source>Watchlist hits</source>
        <translation>Treffers op watchlists</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="153"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="260"/>
        <source>No data for this feature in this case yet</source>
        <translation>Nog geen gegevens voor deze functie in deze zaak</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="275"/>
        <source>(no tags yet)</source>
        <translation>(nog geen labels)</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="309"/>
        <source>Suggestions to review</source>
        <translation>Te beoordelen voorstellen</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="326"/>
        <source>(none marked yet)</source>
        <translation>(nog niets gemarkeerd)</translation>
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message>
        <location filename="../../ui/views/networks_view.py" line="375"/>
        <source>Networks</source>
        <translation>Netwerken</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="376"/>
        <source>Persons and platforms</source>
        <translation>Personen en platforms</translation>
    </message>
</context>
<context>
    <name>NetworksView</name>
    <message>
        <location filename="../../ui/views/networks_view.py" line="182"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="194"/>
        <source>Items over time</source>
        <translation>Items in de tijd</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="215"/>
        <source>%1 — %2 items (%3)</source>
        <translation>%1 — %2 items (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="221"/>
        <source>No networks: no two items share a selector, photo or ad template.</source>
        <translation>Geen netwerken: geen twee items delen een selector, foto of advertentiesjabloon.</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="231"/>
        <source>%1: %2 items, %3 links; first seen %4, last seen %5. Click an item to open it.</source>
        <translation>%1: %2 items, %3 verbanden; eerst gezien %4, laatst gezien %5. Klik op een item om het te openen.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="187"/>
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="196"/>
        <source>The case file is encrypted with your passphrase. Without it nobody, including you, can open the case: keep it safe.</source>
        <translation>Het zaakbestand wordt versleuteld met uw wachtwoordzin. Zonder die kan niemand, ook u niet, de zaak openen: bewaar hem goed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="206"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="210"/>
        <source>Case file:</source>
        <translation>Zaakbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="213"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="215"/>
        <source>Case number:</source>
        <translation>Zaaknummer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="217"/>
        <source>Agency:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="219"/>
        <source>Analyst:</source>
        <translation>Analist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="221"/>
        <source>Time zone:</source>
        <translation>Tijdzone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="224"/>
        <source>e.g. NL, UA, RO (for phone numbers)</source>
        <translation>bijv. NL, UA, RO (voor telefoonnummers)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="225"/>
        <source>Default region:</source>
        <translation>Standaardregio:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="229"/>
        <source>Passphrase:</source>
        <translation>Wachtwoordzin:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="233"/>
        <source>Repeat passphrase:</source>
        <translation>Wachtwoordzin herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="240"/>
        <source>Create case</source>
        <translation>Zaak aanmaken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="247"/>
        <source>New case file</source>
        <translation>Nieuw zaakbestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="261"/>
        <source>Choose where to save the case file.</source>
        <translation>Kies waar het zaakbestand wordt opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="268"/>
        <source>Give the case a title.</source>
        <translation>Geef de zaak een titel.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="275"/>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtwoordzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="290"/>
        <source>Cannot create the case: %1</source>
        <translation>De zaak kan niet worden aangemaakt: %1</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="113"/>
        <source>Open case</source>
        <translation>Zaak openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="121"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="131"/>
        <source>Case passphrase</source>
        <translation>Wachtwoordzin van de zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="132"/>
        <source>Passphrase:</source>
        <translation>Wachtwoordzin:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="134"/>
        <source>Name written into every audit entry</source>
        <translation>Naam die in elke auditregel komt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="135"/>
        <source>Analyst:</source>
        <translation>Analist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="155"/>
        <source>Enter the case passphrase.</source>
        <translation>Voer de wachtwoordzin van de zaak in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="163"/>
        <source>Wrong passphrase. The case file was not changed. Check the passphrase and try again.</source>
        <translation>Onjuiste wachtwoordzin. Het zaakbestand is niet gewijzigd. Controleer de wachtwoordzin en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="169"/>
        <source>Cannot open this case: %1</source>
        <translation>Deze zaak kan niet worden geopend: %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="277"/>
        <source>Rendering (Chromium, offline)</source>
        <translation>Weergave (Chromium, offline)</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="278"/>
        <source>As captured (simple view)</source>
        <translation>Zoals vastgelegd (eenvoudige weergave)</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="279"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="280"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="281"/>
        <source>Resources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="288"/>
        <source>This page is too large to render here; see the Text and Source tabs.</source>
        <translation>Deze pagina is te groot om hier weer te geven; zie de tabbladen Tekst en Bron.</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="301"/>
        <source>Offline view: no request leaves this computer. %1 resource(s) shown from the case, %2 blocked (not in the case).</source>
        <translation>Offline weergave: er verlaat geen verzoek deze computer. %1 bron(nen) uit de zaak getoond, %2 geblokkeerd (niet in de zaak).</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="309"/>
        <source>shown from case: </source>
        <translation>getoond uit de zaak: </translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="311"/>
        <source>blocked: </source>
        <translation>geblokkeerd: </translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="315"/>
        <source>not captured (refused to the renderer): </source>
        <translation>niet vastgelegd (geweigerd aan de weergave): </translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="324"/>
        <source>Links are not followed (offline). Link target: %1</source>
        <translation>Links worden niet gevolgd (offline). Doel van de link: %1</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="84"/>
        <source>Use a passphrase of at least %1 characters.</source>
        <translation>Gebruik een wachtzin van minstens %1 tekens.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="87"/>
        <source>This passphrase is too easy to guess. Use at least %1 characters that are not easy to guess, e.g. four unrelated words.</source>
        <translation>Deze wachtzin is te makkelijk te raden. Gebruik minstens %1 tekens die niet makkelijk te raden zijn, bijvoorbeeld vier losse woorden.</translation>
    </message>
</context>
<context>
    <name>PassphraseStrengthLabel</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="59"/>
        <source>very weak</source>
        <translation>zeer zwak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="60"/>
        <source>weak</source>
        <translation>zwak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="61"/>
        <source>fair</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="62"/>
        <source>strong</source>
        <translation>sterk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="63"/>
        <source>very strong</source>
        <translation>zeer sterk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="68"/>
        <source>At least %1 characters, not easy to guess (e.g. four unrelated words).</source>
        <translation>Minstens %1 tekens, niet makkelijk te raden (bijvoorbeeld vier losse woorden).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="74"/>
        <source>Strength: %1</source>
        <translation>Sterkte: %1</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/views/networks_view.py" line="247"/>
        <source>Add person</source>
        <translation>Persoon toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="252"/>
        <source>ISO code, e.g. UA</source>
        <translation>ISO-code, bijv. UA</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="256"/>
        <source>comma-separated</source>
        <translation>gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="258"/>
        <source>Name or label</source>
        <translation>Naam of label</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="259"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="260"/>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="261"/>
        <source>Age band</source>
        <translation>Leeftijdsgroep</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="262"/>
        <source>Aliases</source>
        <translation>Aliassen</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="56"/>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="78"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="78"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="88"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="105"/>
        <source>Cancelling… (the batch in flight is rolled back)</source>
        <translation>Annuleren… (de lopende batch wordt teruggedraaid)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="123"/>
        <source>%1 of %2 %3</source>
        <translation>%1 van %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="129"/>
        <source>%1 per second</source>
        <translation>%1 per seconde</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="132"/>
        <source>about %1 left</source>
        <translation>nog ongeveer %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="148"/>
        <source>Finished.</source>
        <translation>Voltooid.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="149"/>
        <source>Stopped by an error.</source>
        <translation>Gestopt door een fout.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="150"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="173"/>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="184"/>
        <source>Cancelled. Work committed before the cancel is kept; running it again resumes.</source>
        <translation>Geannuleerd. Wat vóór het annuleren is vastgelegd blijft bewaard; opnieuw starten gaat verder.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="419"/>
        <source>Receive bundle</source>
        <translation>Bundel ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="426"/>
        <source>Bundle (.wsbundle):</source>
        <translation>Bundel (.wsbundle):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="429"/>
        <source>New case file:</source>
        <translation>Nieuw zaakbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="432"/>
        <source>Passphrase for the new case:</source>
        <translation>Wachtwoordzin voor de nieuwe zaak:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="433"/>
        <source>Repeat:</source>
        <translation>Herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="436"/>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="437"/>
        <source>Your key passphrase:</source>
        <translation>Wachtwoordzin van uw sleutel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="439"/>
        <source>Bundle passphrase (passphrase bundles only):</source>
        <translation>Wachtwoordzin van de bundel (alleen bij bundels met wachtwoordzin):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="442"/>
        <source>Sender: shown once the bundle is opened.</source>
        <translation>Afzender: zichtbaar zodra de bundel geopend is.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="452"/>
        <source>Accept this unknown sender (the case is flagged as unverified)</source>
        <translation>Deze onbekende afzender accepteren (de zaak wordt als ongeverifieerd gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="457"/>
        <source>Open the received case</source>
        <translation>De ontvangen zaak openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="461"/>
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="470"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="477"/>
        <source>Bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="484"/>
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="493"/>
        <source>Choose the bundle and the new case file.</source>
        <translation>Kies de bundel en het nieuwe zaakbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="496"/>
        <source>A file with this name already exists; choose another name.</source>
        <translation>Er bestaat al een bestand met deze naam; kies een andere naam.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="503"/>
        <source>The two case passphrases differ.</source>
        <translation>De twee wachtwoordzinnen van de zaak verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="525"/>
        <source>Sender: %1 (NOT in your contacts)</source>
        <translation>Afzender: %1 (NIET in uw contacten)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="526"/>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="545"/>
        <source>Fingerprint: %1</source>
        <translation>Vingerafdruk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="529"/>
        <source>Unknown sender: this bundle is signed by a key that is not in your contacts. Check the fingerprint with the sender by phone. Nothing was created. To receive it anyway, tick “Accept this unknown sender” and press Receive again.</source>
        <translation>Onbekende afzender: deze bundel is ondertekend met een sleutel die niet in uw contacten staat. Controleer de vingerafdruk telefonisch met de afzender. Er is niets aangemaakt. Wilt u hem toch ontvangen, vink dan “Deze onbekende afzender accepteren” aan en druk opnieuw op Ontvangen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="540"/>
        <source>an UNKNOWN sender</source>
        <translation>een ONBEKENDE afzender</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="543"/>
        <source>Sender: %1%2</source>
        <translation>Afzender: %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="548"/>
        <source>The sender is NOT in your contacts: the case is flagged as from an unverified sender.</source>
        <translation>De afzender staat NIET in uw contacten: de zaak is gemarkeerd als afkomstig van een ongeverifieerde afzender.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="554"/>
        <source>Received %1 item(s) into %2. Signature, hashes and audit chain verified.</source>
        <translation>%1 item(s) ontvangen in %2. Handtekening, hashes en auditketen geverifieerd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="559"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="225"/>
        <source>Annotate region</source>
        <translation>Gebied annoteren</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="229"/>
        <source>Region (x, y, w, h):</source>
        <translation>Gebied (x, y, b, h):</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="232"/>
        <source>(no indicator, note only)</source>
        <translation>(geen indicator, alleen notitie)</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="235"/>
        <source>Indicator:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="238"/>
        <source>What is in this region, and why it matters</source>
        <translation>Wat er in dit gebied staat, en waarom het ertoe doet</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="239"/>
        <source>Note:</source>
        <translation>Notitie:</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <location filename="../../ui/views/networks_view.py" line="278"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="279"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="280"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="281"/>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="282"/>
        <source>Age band</source>
        <translation>Leeftijdsgroep</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="283"/>
        <source>Linked to</source>
        <translation>Gekoppeld aan</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="288"/>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="288"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="288"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="288"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="290"/>
        <source>Add person…</source>
        <translation>Persoon toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="296"/>
        <source>Set for selected platform</source>
        <translation>Instellen voor gekozen platform</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="304"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="307"/>
        <source>Platforms</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <location filename="../../ui/views/networks_view.py" line="322"/>
        <source>not registered</source>
        <translation>niet geregistreerd</translation>
    </message>
</context>
<context>
    <name>RenderingPane</name>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="157"/>
        <source>JavaScript (still offline)</source>
        <translation>JavaScript (nog steeds offline)</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="160"/>
        <source>Render now</source>
        <translation>Nu weergeven</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="181"/>
        <source>Not rendered yet. Render now loads the page in an offline browser: every request is answered from the case or refused.</source>
        <translation>Nog niet weergegeven. Nu weergeven laadt de pagina in een offline browser: elk verzoek wordt beantwoord uit de zaak of geweigerd.</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="191"/>
        <source>cut at the maximum height</source>
        <translation>afgekapt op de maximale hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="192"/>
        <source>%1 resource(s) not captured</source>
        <translation>%1 bron(nen) niet vastgelegd</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="199"/>
        <source>Rendering offline…</source>
        <translation>Offline weergeven…</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="201"/>
        <source>Render page</source>
        <translation>Pagina weergeven</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="213"/>
        <source>Could not render: %1</source>
        <translation>Weergeven mislukt: %1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="52"/>
        <location filename="../../ui/dialogs/report_dialog.py" line="179"/>
        <source>Court report</source>
        <translation>Rapport voor de rechtbank</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="63"/>
        <source>All exhibits (%1)</source>
        <translation>Alle stukken (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="66"/>
        <source>The %1 selected item(s) (marked as exhibits first)</source>
        <translation>De %1 geselecteerde item(s) (eerst als stuk gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="78"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="82"/>
        <source>PDF file:</source>
        <translation>PDF-bestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="85"/>
        <source>No redaction</source>
        <translation>Geen redactie</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="86"/>
        <source>Pixelate images tagged sensitive or minor</source>
        <translation>Afbeeldingen met label gevoelig of minderjarige pixeleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="87"/>
        <source>Blur images tagged sensitive or minor</source>
        <translation>Afbeeldingen met label gevoelig of minderjarige vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="88"/>
        <source>Pixelate all images</source>
        <translation>Alle afbeeldingen pixeleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="89"/>
        <source>Blur all images</source>
        <translation>Alle afbeeldingen vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="96"/>
        <source>Redaction:</source>
        <translation>Redactie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="99"/>
        <source>none (e.g. OFFICIAL-SENSITIVE, as your agency requires)</source>
        <translation>geen (bijv. DEPARTEMENTAAL VERTROUWELIJK, zoals uw organisatie voorschrijft)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="100"/>
        <source>Classification:</source>
        <translation>Rubricering:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="102"/>
        <source>Bates prefix:</source>
        <translation>Bates-voorvoegsel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="103"/>
        <source>Also list machine-suggested indicators (marked as such)</source>
        <translation>Ook door de machine voorgestelde indicatoren vermelden (als zodanig gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="107"/>
        <source>&lt;b&gt;Will be included&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wordt opgenomen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="113"/>
        <source>Write report</source>
        <translation>Rapport schrijven</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="121"/>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="132"/>
        <source>Exhibit %1</source>
        <translation>Stuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="132"/>
        <source>new exhibit</source>
        <translation>nieuw stuk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="135"/>
        <source>No exhibits yet: mark items with “Add to exhibits” (E), or select items.</source>
        <translation>Nog geen stukken: markeer items met “Toevoegen aan stukken” (E), of selecteer items.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="153"/>
        <source>Report without exhibits</source>
        <translation>Rapport zonder bewijsstukken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="155"/>
        <source>This report has no exhibits: it would hold only the cover, the method and the chain of custody. Write it anyway?</source>
        <translation>Dit rapport heeft geen bewijsstukken: het zou alleen het voorblad, de werkwijze en de bewaarketen bevatten. Toch schrijven?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="171"/>
        <source>Report written: %1 (%2 pages, %3 exhibits). Its SHA-256 is recorded in the audit log.</source>
        <translation>Rapport geschreven: %1 (%2 pagina&apos;s, %3 bewijsstukken). De SHA-256 ervan staat in het auditlogboek.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="179"/>
        <source>steps</source>
        <translation>stappen</translation>
    </message>
</context>
<context>
    <name>SelectorsView</name>
    <message>
        <location filename="../../ui/views/tables_views.py" line="100"/>
        <source>double-click to see the items</source>
        <translation>dubbelklik om de items te zien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="104"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="105"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="106"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="107"/>
        <source>Platforms</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="108"/>
        <source>First seen</source>
        <translation>Eerst gezien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="109"/>
        <source>Last seen</source>
        <translation>Laatst gezien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="124"/>
        <source>No selectors (phone numbers, e-mail addresses, handles) found yet.</source>
        <translation>Nog geen selectors (telefoonnummers, e-mailadressen, gebruikersnamen) gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="132"/>
        <source>(unverified)</source>
        <translation>(niet geverifieerd)</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="160"/>
        <source>Selectors</source>
        <translation>Selectors</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="29"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="34"/>
        <source>Analyst</source>
        <translation>Analist</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="38"/>
        <source>Your name, written into every audit entry</source>
        <translation>Uw naam, die in elke auditregel komt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="39"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="41"/>
        <source>Agency:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="43"/>
        <source>Time zone for new cases:</source>
        <translation>Tijdzone voor nieuwe zaken:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="45"/>
        <source>System default</source>
        <translation>Systeemstandaard</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="49"/>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="50"/>
        <source>A new language applies at once.</source>
        <translation>Een nieuwe taal geldt meteen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="53"/>
        <source>Thresholds</source>
        <translation>Drempels</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63"/>
        <source>Largest distance (bits of a 64-bit perceptual hash) still called the same photo; default %1</source>
        <translation>Grootste afstand (bits van een 64-bits perceptuele hash) die nog als dezelfde foto telt; standaard %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="66"/>
        <source>Near-duplicate distance:</source>
        <translation>Afstand bijna-duplicaat:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="70"/>
        <source>Hide indicator suggestions below weight:</source>
        <translation>Indicatorvoorstellen verbergen onder gewicht:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="73"/>
        <source>Wellbeing</source>
        <translation>Welzijn</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="75"/>
        <source>Start in safe view (pictures veiled until revealed)</source>
        <translation>Starten in veilige weergave (afbeeldingen bedekt tot ze worden onthuld)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="78"/>
        <source>Safe view blurs pictures</source>
        <translation>Veilige weergave vervaagt afbeeldingen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="81"/>
        <source>Safe view shows pictures in grey</source>
        <translation>Veilige weergave toont afbeeldingen in grijs</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="84"/>
        <source>Always blur items tagged as involving minors</source>
        <translation>Items met het label minderjarige altijd vervagen</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="37"/>
        <location filename="../../ui/dialogs/start_window.py" line="41"/>
        <source>Evidence Workstation</source>
        <translation>Evidence Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="49"/>
        <source>Offline review of captured pages and seized images. Everything stays in the encrypted case file; nothing is sent over the network.</source>
        <translation>Offline beoordeling van vastgelegde pagina&apos;s en in beslag genomen afbeeldingen. Alles blijft in het versleutelde zaakbestand; er wordt niets over het netwerk verstuurd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="56"/>
        <source>New case…</source>
        <translation>Nieuwe zaak…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="58"/>
        <source>Open case…</source>
        <translation>Zaak openen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="65"/>
        <source>&lt;b&gt;Recent cases&lt;/b&gt;</source>
        <translation>&lt;b&gt;Recente zaken&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="70"/>
        <source>No recent cases. Create a new case or open a case file.</source>
        <translation>Geen recente zaken. Maak een nieuwe zaak aan of open een zaakbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="83"/>
        <source>(missing)</source>
        <translation>(ontbreekt)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/start_window.py" line="91"/>
        <source>Open case file</source>
        <translation>Zaakbestand openen</translation>
    </message>
</context>
<context>
    <name>ThumbnailDelegate</name>
    <message>
        <location filename="../../ui/delegates.py" line="134"/>
        <source>hidden</source>
        <translation>bedekt</translation>
    </message>
</context>
<context>
    <name>VideoViewer</name>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="69"/>
        <source>Loading the keyframes…</source>
        <translation>Sleutelbeelden laden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="98"/>
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="100"/>
        <source>Frame as exhibit</source>
        <translation>Beeld als bewijsstuk</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="101"/>
        <source>Open frame</source>
        <translation>Beeld openen</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="121"/>
        <source>No keyframes were stored for this video.</source>
        <translation>Voor deze video zijn geen sleutelbeelden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="155"/>
        <source>frame at %1</source>
        <translation>beeld op %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="157"/>
        <source>duration %1 s</source>
        <translation>duur %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="163"/>
        <source>safe view: press V to reveal</source>
        <translation>veilige weergave: druk op V om te onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/video_viewer.py" line="182"/>
        <source>Frame marked as exhibit %1</source>
        <translation>Beeld gemarkeerd als bewijsstuk %1</translation>
    </message>
</context>
<context>
    <name>WorkstationApp</name>
    <message>
        <location filename="../../ui/app.py" line="137"/>
        <source>The passphrase given did not open this case. Enter it here.</source>
        <translation>De opgegeven wachtwoordzin opent deze zaak niet. Voer hem hier in.</translation>
    </message>
</context>
<context>
    <name>_TransferDialog</name>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="140"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="160"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="178"/>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="206"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Geannuleerd; er is niets geschreven.</translation>
    </message>
</context>
</TS>
