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
        <location filename="../../ui/dialogs/case_dialogs.py" line="254"/>
        <source>Case details</source>
        <translation>Zaakgegevens</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="262"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="263"/>
        <source>Case number:</source>
        <translation>Zaaknummer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="264"/>
        <source>Agency:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="265"/>
        <source>Lead analyst:</source>
        <translation>Hoofdanalist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="266"/>
        <source>Time zone:</source>
        <translation>Tijdzone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="267"/>
        <source>Default region:</source>
        <translation>Standaardregio:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="279"/>
        <source>Created (UTC):</source>
        <translation>Aangemaakt (UTC):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="280"/>
        <source>File:</source>
        <translation>Bestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="302"/>
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
        <location filename="../../ui/views/clusters_view.py" line="146"/>
        <source>Show in grid</source>
        <translation>In raster tonen</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="167"/>
        <source>Finding near-duplicate clusters…</source>
        <translation>Bijna-duplicaatclusters worden gezocht…</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="173"/>
        <source>No duplicate clusters: no photo appears more than once in this case.</source>
        <translation>Geen duplicaatclusters: geen foto komt meer dan eens voor in deze zaak.</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="184"/>
        <source>Cluster %1 · %2 items</source>
        <translation>Cluster %1 · %2 items</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="227"/>
        <source>%1 items; distances are to the reference member</source>
        <translation>%1 items; afstanden ten opzichte van het referentie-item</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="246"/>
        <location filename="../../ui/views/clusters_view.py" line="251"/>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="97"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="106"/>
        <source>Extracting text…</source>
        <translation>Tekst wordt uitgelezen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="119"/>
        <source>Render pages</source>
        <translation>Pagina&apos;s weergeven</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="123"/>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/document_viewer.py" line="143"/>
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
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="225"/>
        <source>Send to partner</source>
        <translation>Naar partner sturen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="239"/>
        <source>Signed by you (%1), fingerprint &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Ondertekend door u (%1), vingerafdruk &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="240"/>
        <source>no name</source>
        <translation>geen naam</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="246"/>
        <source>No identity on this computer (%1). Create one with &apos;workstation keys new&apos;.</source>
        <translation>Geen identiteit op deze computer (%1). Maak er een met &apos;workstation keys new&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="252"/>
        <source>Encrypt to these contacts:</source>
        <translation>Versleutelen voor deze contacten:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="265"/>
        <source>No contacts yet: add one with &apos;workstation contacts add NAME LINE&apos;.</source>
        <translation>Nog geen contacten: voeg er een toe met &apos;workstation contacts add NAAM REGEL&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="267"/>
        <source>Encrypt with a passphrase instead</source>
        <translation>In plaats daarvan met een wachtwoordzin versleutelen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="273"/>
        <source>Bundle passphrase:</source>
        <translation>Wachtwoordzin van de bundel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="274"/>
        <source>Repeat:</source>
        <translation>Herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="278"/>
        <source>The whole case</source>
        <translation>De hele zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="281"/>
        <source>The exhibits (%1)</source>
        <translation>De bewijsstukken (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="284"/>
        <source>The %1 selected item(s)</source>
        <translation>De %1 geselecteerde item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="295"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="299"/>
        <source>Bundle file:</source>
        <translation>Bundelbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="302"/>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="303"/>
        <source>Your key passphrase:</source>
        <translation>Wachtwoordzin van uw sleutel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="306"/>
        <source>Send</source>
        <translation>Versturen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="313"/>
        <source>Save bundle</source>
        <translation>Bundel opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="344"/>
        <source>Choose the bundle file.</source>
        <translation>Kies het bundelbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="347"/>
        <source>A file with this name already exists; choose another name.</source>
        <translation>Er bestaat al een bestand met deze naam; kies een andere naam.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="351"/>
        <source>Enter your key passphrase (it signs the bundle).</source>
        <translation>Voer de wachtwoordzin van uw sleutel in (daarmee wordt de bundel ondertekend).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="358"/>
        <source>Enter the bundle passphrase.</source>
        <translation>Voer de wachtwoordzin van de bundel in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="361"/>
        <source>The two bundle passphrases differ.</source>
        <translation>De twee wachtwoordzinnen van de bundel verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="366"/>
        <source>Tick at least one contact, or choose the passphrase mode.</source>
        <translation>Vink minstens één contact aan, of kies versleuteling met een wachtwoordzin.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="389"/>
        <source>passphrase holders</source>
        <translation>houders van de wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="391"/>
        <source>Bundle written: %1 (%2 item(s), %3 bytes) for %4.
SHA-256 %5
Signed with fingerprint %6.</source>
        <translation>Bundel geschreven: %1 (%2 item(s), %3 bytes) voor %4.
SHA-256 %5
Ondertekend met vingerafdruk %6.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="399"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="267"/>
        <source>Loading the original…</source>
        <translation>Het origineel wordt geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="284"/>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="285"/>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="286"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="287"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="289"/>
        <source>Draw region</source>
        <translation>Gebied tekenen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="290"/>
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="304"/>
        <source>This image cannot be displayed (damaged, unsupported or too large).</source>
        <translation>Deze afbeelding kan niet worden getoond (beschadigd, niet ondersteund of te groot).</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="330"/>
        <source>safe view: press V to reveal</source>
        <translation>veilige weergave: druk op V om te onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="363"/>
        <source>(region)</source>
        <translation>(gebied)</translation>
    </message>
</context>
<context>
    <name>ImportErrorsView</name>
    <message>
        <location filename="../../ui/views/tables_views.py" line="58"/>
        <source>When (UTC)</source>
        <translation>Wanneer (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="58"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="58"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="58"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="61"/>
        <source>No import errors. Every file imported so far was read.</source>
        <translation>Geen importfouten. Elk tot nu toe geïmporteerd bestand is gelezen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="156"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/views/inspector.py" line="129"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="131"/>
        <source>Reveal</source>
        <translation>Onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="133"/>
        <source>Show this picture unblurred (V)</source>
        <translation>Deze afbeelding onvervaagd tonen (V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="147"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="148"/>
        <source>Annotations</source>
        <translation>Annotaties</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="149"/>
        <location filename="../../ui/views/inspector.py" line="694"/>
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="157"/>
        <source>&lt;b&gt;Triage&lt;/b&gt;</source>
        <translation>&lt;b&gt;Triage&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="159"/>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="161"/>
        <source>Mark relevant (R)</source>
        <translation>Markeren als relevant (R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="162"/>
        <source>Not relevant</source>
        <translation>Niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="164"/>
        <source>Mark not relevant (X)</source>
        <translation>Markeren als niet relevant (X)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="170"/>
        <location filename="../../ui/views/inspector.py" line="541"/>
        <source>Add to exhibits</source>
        <translation>Toevoegen aan stukken</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="175"/>
        <source>&lt;b&gt;Tags&lt;/b&gt;</source>
        <translation>&lt;b&gt;Labels&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="179"/>
        <source>Add a tag, e.g. minor, screenshot, city:Rotterdam</source>
        <translation>Label toevoegen, bijv. minderjarige, screenshot, stad:Rotterdam</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="184"/>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="192"/>
        <source>Double-click a tag to remove it</source>
        <translation>Dubbelklik op een label om het te verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="196"/>
        <source>&lt;b&gt;Notes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notities&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="203"/>
        <source>Write a note (kept with your name and the time)</source>
        <translation>Schrijf een notitie (bewaard met uw naam en het tijdstip)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="206"/>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="220"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="220"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="229"/>
        <source>Confirm suggestion</source>
        <translation>Voorstel bevestigen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="230"/>
        <source>Reject suggestion</source>
        <translation>Voorstel afwijzen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="260"/>
        <source>No item selected</source>
        <translation>Geen item geselecteerd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="261"/>
        <source>Select an item to see its provenance, hashes and annotations.</source>
        <translation>Selecteer een item om herkomst, hashes en annotaties te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="286"/>
        <source>%1 items selected: annotation buttons apply to all of them.</source>
        <translation>%1 items geselecteerd: de annotatieknoppen gelden voor alle.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="361"/>
        <location filename="../../ui/views/inspector.py" line="682"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="362"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="363"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="366"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="367"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="368"/>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="370"/>
        <source>Dimensions</source>
        <translation>Afmetingen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="372"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="386"/>
        <source>Source URL</source>
        <translation>Bron-URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="388"/>
        <source>Final URL</source>
        <translation>Eind-URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="390"/>
        <source>Source path</source>
        <translation>Bronpad</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="391"/>
        <source>Capture method</source>
        <translation>Vastleggingsmethode</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="396"/>
        <source>Captured</source>
        <translation>Vastgelegd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="397"/>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="398"/>
        <source>Imported by</source>
        <translation>Geïmporteerd door</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="399"/>
        <source>Importer</source>
        <translation>Importeur</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="415"/>
        <source>GPS position</source>
        <translation>GPS-positie</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="423"/>
        <source>Parent</source>
        <translation>Bovenliggend item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="428"/>
        <source>Contains</source>
        <translation>Bevat</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="432"/>
        <source>Exact duplicates</source>
        <translation>Exacte duplicaten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="463"/>
        <source>Distances are to the reference of</source>
        <translation>Afstanden ten opzichte van de referentie van</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="464"/>
        <source>cluster %1</source>
        <translation>cluster %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="476"/>
        <source>Watchlist hits</source>
        <translation>Treffers op watchlists</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="477"/>
        <source>on watchlist %1</source>
        <translation>op watchlist %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="498"/>
        <source>on %1 item(s)</source>
        <translation>op %1 item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="539"/>
        <source>Remove from exhibits (exhibit %1)</source>
        <translation>Uit stukken verwijderen (stuk %1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="577"/>
        <source>Tick an indicator to confirm it for this item; suggestions from the text scan are marked.</source>
        <translation>Vink een indicator aan om hem voor dit item te bevestigen; voorstellen uit de tekstscan zijn gemarkeerd.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="598"/>
        <source>suggested</source>
        <translation>voorgesteld</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="599"/>
        <source>confirmed</source>
        <translation>bevestigd</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="600"/>
        <source>rejected</source>
        <translation>afgewezen</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="683"/>
        <source>Hashes of the original</source>
        <translation>Hashes van het origineel</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="684"/>
        <source>original offset</source>
        <translation>oorspronkelijke tijdverschuiving</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="685"/>
        <source>Provenance</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="686"/>
        <source>altitude</source>
        <translation>hoogte</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="687"/>
        <source>EXIF</source>
        <translation>EXIF</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="688"/>
        <source>No EXIF metadata in this image.</source>
        <translation>Geen EXIF-metadata in deze afbeelding.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="689"/>
        <source>Related items</source>
        <translation>Verwante items</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="690"/>
        <source>Near duplicates</source>
        <translation>Bijna-duplicaten</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="691"/>
        <source>Looking for near duplicates…</source>
        <translation>Bijna-duplicaten worden gezocht…</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="692"/>
        <source>None found.</source>
        <translation>Niets gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="693"/>
        <source>Selectors in this item</source>
        <translation>Selectors in dit item</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="695"/>
        <source>None yet.</source>
        <translation>Nog geen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="696"/>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="697"/>
        <source>Exhibit</source>
        <translation>Stuk van overtuiging</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="698"/>
        <source>Exhibit number</source>
        <translation>Stuknummer</translation>
    </message>
    <message>
        <location filename="../../ui/views/inspector.py" line="699"/>
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
</context>
<context>
    <name>ItemsView</name>
    <message>
        <location filename="../../ui/views/items_view.py" line="119"/>
        <source>Search text, titles and names (any script)…</source>
        <translation>Zoeken in tekst, titels en namen (elk schrift)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="130"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="132"/>
        <source>Thumbnail grid (Ctrl+1)</source>
        <translation>Miniaturenraster (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="134"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="136"/>
        <source>Sortable table (Ctrl+2)</source>
        <translation>Sorteerbare tabel (Ctrl+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="149"/>
        <source>Thumbnail size</source>
        <translation>Grootte van miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="203"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="208"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="261"/>
        <source>loading…</source>
        <translation>laden…</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="264"/>
        <source>%1 item(s)</source>
        <translation>%1 item(s)</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="267"/>
        <source>Nothing matches “%1”.</source>
        <translation>Niets komt overeen met “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="269"/>
        <source>No items here yet.</source>
        <translation>Hier zijn nog geen items.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="273"/>
        <source>This case has no items yet.

Drag files or folders here, or use File → Import files… to bring in seized images, saved pages and documents.</source>
        <translation>Deze zaak heeft nog geen items.

Sleep bestanden of mappen hierheen, of gebruik Bestand → Bestanden importeren… om in beslag genomen afbeeldingen, opgeslagen pagina&apos;s en documenten toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../ui/views/items_view.py" line="286"/>
        <source>The items could not be listed: %1</source>
        <translation>De items konden niet worden opgesomd: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>All items</source>
        <translation>Alle items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>&amp;Close case</source>
        <translation>Zaak &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Case &amp;details…</source>
        <translation>Zaak&amp;gegevens…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>&amp;Import files…</source>
        <translation>Bestanden &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Import seized images, saved pages, archives and documents</source>
        <translation>In beslag genomen afbeeldingen, opgeslagen pagina&apos;s, archieven en documenten importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Import &amp;folder…</source>
        <translation>&amp;Map importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Court-ready PDF report</source>
        <translation>PDF-rapport voor de rechtbank</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Send to partner…</source>
        <translation>&amp;Naar partner sturen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>Rec&amp;eive bundle…</source>
        <translation>Bundel ont&amp;vangen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;Verify integrity…</source>
        <translation>Integriteit &amp;controleren…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>&amp;Scan texts for indicators and selectors</source>
        <translation>Teksten &amp;scannen op indicatoren en selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Scan for indicators and selectors</source>
        <translation>Scannen op indicatoren en selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>items</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>&amp;Hash images for duplicate search</source>
        <translation>Afbeeldingen &amp;hashen voor duplicaten zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Hash images</source>
        <translation>Afbeeldingen hashen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>images</source>
        <translation>afbeeldingen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>&amp;Grid</source>
        <translation>&amp;Raster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>&amp;Table</source>
        <translation>&amp;Tabel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>Larger thumbnails</source>
        <translation>Grotere miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Smaller thumbnails</source>
        <translation>Kleinere miniaturen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>&amp;Safe view</source>
        <translation>&amp;Veilige weergave</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Blur and grey pictures until you reveal them</source>
        <translation>Afbeeldingen vervagen en grijs tonen tot u ze onthult</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>Re&amp;veal selected</source>
        <translation>Selectie &amp;onthullen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Auditlog…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>Close viewer tab</source>
        <translation>Viewertabblad sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>&amp;Next item</source>
        <translation>&amp;Volgend item</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>&amp;Previous item</source>
        <translation>V&amp;orig item</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>&amp;Open item</source>
        <translation>Item &amp;openen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>Mark &amp;relevant</source>
        <translation>Markeren als &amp;relevant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Mark &amp;not relevant</source>
        <translation>Markeren als &amp;niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Clear triage mark</source>
        <translation>Triagemarkering wissen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Add &amp;tag…</source>
        <translation>&amp;Label toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Set &amp;category…</source>
        <translation>&amp;Categorie instellen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Mark as involving a &amp;minor</source>
        <translation>Markeren als betreft &amp;minderjarige</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>Add n&amp;ote…</source>
        <translation>N&amp;otitie toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>Add to &amp;exhibits</source>
        <translation>Toevoegen aan &amp;stukken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Remove from exhibits</source>
        <translation>Uit stukken verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>&amp;Indicator…</source>
        <translation>&amp;Indicator…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="229"/>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>&amp;View</source>
        <translation>&amp;Beeld</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>&amp;Triage</source>
        <translation>&amp;Triage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Annoteren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Frequent indicators</source>
        <translation>Veelgebruikte indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>Anal&amp;ysis</source>
        <translation>Anal&amp;yse</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Evidence Workstation</source>
        <translation>Evidence Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>%1 shown · %2 selected</source>
        <translation>%1 getoond · %2 geselecteerd</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Not changed</source>
        <translation>Niet gewijzigd</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>Duplicate clusters</source>
        <translation>Duplicaatclusters</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="420"/>
        <source>Selectors</source>
        <translation>Selectors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source>Cluster %1: %2</source>
        <translation>Cluster %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>Add tag</source>
        <translation>Label toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>Tag for %1 item(s):</source>
        <translation>Label voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="567"/>
        <source>Set category</source>
        <translation>Categorie instellen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>Category for %1 item(s):</source>
        <translation>Categorie voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Add note</source>
        <translation>Notitie toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="581"/>
        <source>Note for %1 item(s):</source>
        <translation>Notitie voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="595"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="596"/>
        <source>Confirm indicator for %1 item(s):</source>
        <translation>Indicator bevestigen voor %1 item(s):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="686"/>
        <source>SAFE VIEW</source>
        <translation>VEILIGE WEERGAVE</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="700"/>
        <source>Import files</source>
        <translation>Bestanden importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="705"/>
        <source>Import folder</source>
        <translation>Map importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="712"/>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="712"/>
        <source>An import is already running.</source>
        <translation>Er loopt al een import.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="716"/>
        <source>files</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="720"/>
        <source>Importing</source>
        <translation>Bezig met importeren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="729"/>
        <source>Imported %1 item(s); %2 exact duplicate(s); %3 already in the case; %4 problem(s).</source>
        <translation>%1 item(s) geïmporteerd; %2 exact(e) duplica(a)t(en); %3 al in de zaak; %4 probleem/problemen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="765"/>
        <source>Intact: %1 original(s) re-hashed, %2 audit entries, chain head %3.</source>
        <translation>Intact: %1 origine(e)l(en) opnieuw gehasht, %2 auditregels, kop van de keten %3.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="767"/>
        <source>PROBLEMS FOUND: %1 original(s) re-hashed, %2 audit entries, chain head %3.</source>
        <translation>PROBLEMEN GEVONDEN: %1 origine(e)l(en) opnieuw gehasht, %2 auditregels, kop van de keten %3.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="776"/>
        <source>Verify integrity</source>
        <translation>Integriteit controleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="776"/>
        <source>originals</source>
        <translation>originelen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="779"/>
        <source>Verifying</source>
        <translation>Bezig met controleren</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="889"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="894"/>
        <source>About Evidence Workstation</source>
        <translation>Over Evidence Workstation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="896"/>
        <source>&lt;b&gt;Evidence Workstation&lt;/b&gt;&lt;br&gt;Offline review of captured web pages and seized images for human-trafficking investigations.&lt;br&gt;&lt;br&gt;Case file: %1</source>
        <translation>&lt;b&gt;Evidence Workstation&lt;/b&gt;&lt;br&gt;Offline beoordeling van vastgelegde webpagina&apos;s en in beslag genomen afbeeldingen bij onderzoek naar mensenhandel.&lt;br&gt;&lt;br&gt;Zaakbestand: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="918"/>
        <source>Frequent indicators (Annotate menu)</source>
        <translation>Veelgebruikte indicatoren (menu Annoteren)</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="72"/>
        <source>reference member</source>
        <translation>referentie-item</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="74"/>
        <source>distance %1</source>
        <translation>afstand %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="88"/>
        <source>kept as duplicate</source>
        <translation>behouden als duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="88"/>
        <source>marked: not a duplicate</source>
        <translation>gemarkeerd: geen duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="94"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="99"/>
        <source>Keep</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="100"/>
        <source>Confirm: the same photo</source>
        <translation>Bevestigen: dezelfde foto</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="102"/>
        <source>Not a duplicate</source>
        <translation>Geen duplicaat</translation>
    </message>
    <message>
        <location filename="../../ui/views/clusters_view.py" line="103"/>
        <source>Not the same photo: take it out of this cluster</source>
        <translation>Niet dezelfde foto: uit dit cluster halen</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../ui/views/navigator.py" line="89"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="90"/>
        <source>All items</source>
        <translation>Alle items</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="92"/>
        <source>Images</source>
        <translation>Afbeeldingen</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="95"/>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="100"/>
        <location filename="../../ui/views/navigator.py" line="101"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="106"/>
        <location filename="../../ui/views/navigator.py" line="107"/>
        <source>Other files</source>
        <translation>Overige bestanden</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="109"/>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="113"/>
        <location filename="../../ui/views/navigator.py" line="115"/>
        <source>Not yet triaged</source>
        <translation>Nog niet beoordeeld</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="121"/>
        <location filename="../../ui/views/navigator.py" line="122"/>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="127"/>
        <location filename="../../ui/views/navigator.py" line="128"/>
        <source>Not relevant</source>
        <translation>Niet relevant</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="131"/>
        <source>Exhibits</source>
        <translation>Stukken van overtuiging</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="133"/>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="134"/>
        <source>Duplicate clusters</source>
        <translation>Duplicaatclusters</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="135"/>
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="136"/>
        <source>Selectors</source>
        <translation>Selectors</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="137"/>
        <location filename="../../ui/views/navigator.py" line="191"/>
        <source>Watchlist hits</source>
        <translation>Treffers op watchlists</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="138"/>
        <source>Import errors</source>
        <translation>Importfouten</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="202"/>
        <source>No data for this feature in this case yet</source>
        <translation>Nog geen gegevens voor deze functie in deze zaak</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="217"/>
        <source>(no tags yet)</source>
        <translation>(nog geen labels)</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="238"/>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="254"/>
        <source>Suggestions to review</source>
        <translation>Te beoordelen voorstellen</translation>
    </message>
    <message>
        <location filename="../../ui/views/navigator.py" line="271"/>
        <source>(none marked yet)</source>
        <translation>(nog niets gemarkeerd)</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="135"/>
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="144"/>
        <source>The case file is encrypted with your passphrase. Without it nobody, including you, can open the case: keep it safe.</source>
        <translation>Het zaakbestand wordt versleuteld met uw wachtwoordzin. Zonder die kan niemand, ook u niet, de zaak openen: bewaar hem goed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="154"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="158"/>
        <source>Case file:</source>
        <translation>Zaakbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="161"/>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="163"/>
        <source>Case number:</source>
        <translation>Zaaknummer:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="165"/>
        <source>Agency:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="167"/>
        <source>Analyst:</source>
        <translation>Analist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="169"/>
        <source>Time zone:</source>
        <translation>Tijdzone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="172"/>
        <source>e.g. NL, UA, RO (for phone numbers)</source>
        <translation>bijv. NL, UA, RO (voor telefoonnummers)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="173"/>
        <source>Default region:</source>
        <translation>Standaardregio:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="177"/>
        <source>Passphrase:</source>
        <translation>Wachtwoordzin:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="181"/>
        <source>Repeat passphrase:</source>
        <translation>Wachtwoordzin herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="186"/>
        <source>Create case</source>
        <translation>Zaak aanmaken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="193"/>
        <source>New case file</source>
        <translation>Nieuw zaakbestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="207"/>
        <source>Choose where to save the case file.</source>
        <translation>Kies waar het zaakbestand wordt opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="214"/>
        <source>Give the case a title.</source>
        <translation>Geef de zaak een titel.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="217"/>
        <source>Use a passphrase of at least %1 characters.</source>
        <translation>Gebruik een wachtwoordzin van minstens %1 tekens.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="220"/>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtwoordzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="235"/>
        <source>Cannot create the case: %1</source>
        <translation>De zaak kan niet worden aangemaakt: %1</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="63"/>
        <source>Open case</source>
        <translation>Zaak openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="69"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="79"/>
        <source>Case passphrase</source>
        <translation>Wachtwoordzin van de zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="80"/>
        <source>Passphrase:</source>
        <translation>Wachtwoordzin:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="82"/>
        <source>Name written into every audit entry</source>
        <translation>Naam die in elke auditregel komt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="83"/>
        <source>Analyst:</source>
        <translation>Analist:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="103"/>
        <source>Enter the case passphrase.</source>
        <translation>Voer de wachtwoordzin van de zaak in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="111"/>
        <source>Wrong passphrase. The case file was not changed. Check the passphrase and try again.</source>
        <translation>Onjuiste wachtwoordzin. Het zaakbestand is niet gewijzigd. Controleer de wachtwoordzin en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/case_dialogs.py" line="117"/>
        <source>Cannot open this case: %1</source>
        <translation>Deze zaak kan niet worden geopend: %1</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="179"/>
        <source>Rendered (offline)</source>
        <translation>Weergegeven (offline)</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="180"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="181"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="182"/>
        <source>Resources</source>
        <translation>Bronnen</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="189"/>
        <source>This page is too large to render here; see the Text and Source tabs.</source>
        <translation>Deze pagina is te groot om hier weer te geven; zie de tabbladen Tekst en Bron.</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="200"/>
        <source>Offline view: no request leaves this computer. %1 resource(s) shown from the case, %2 blocked (not in the case).</source>
        <translation>Offline weergave: er verlaat geen verzoek deze computer. %1 bron(nen) uit de zaak getoond, %2 geblokkeerd (niet in de zaak).</translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="208"/>
        <source>shown from case: </source>
        <translation>getoond uit de zaak: </translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="210"/>
        <source>blocked: </source>
        <translation>geblokkeerd: </translation>
    </message>
    <message>
        <location filename="../../ui/views/page_viewer.py" line="219"/>
        <source>Links are not followed (offline). Link target: %1</source>
        <translation>Links worden niet gevolgd (offline). Doel van de link: %1</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="53"/>
        <source>Starting…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="70"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="70"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="77"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="80"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="97"/>
        <source>Cancelling… (the batch in flight is rolled back)</source>
        <translation>Annuleren… (de lopende batch wordt teruggedraaid)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="113"/>
        <source>%1 of %2 %3</source>
        <translation>%1 van %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="119"/>
        <source>%1 per second</source>
        <translation>%1 per seconde</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="122"/>
        <source>about %1 left</source>
        <translation>nog ongeveer %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="135"/>
        <source>Finished.</source>
        <translation>Voltooid.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="136"/>
        <source>Stopped by an error.</source>
        <translation>Gestopt door een fout.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="137"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="151"/>
        <source>Done.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/progress_dialog.py" line="160"/>
        <source>Cancelled. Work committed before the cancel is kept; running it again resumes.</source>
        <translation>Geannuleerd. Wat vóór het annuleren is vastgelegd blijft bewaard; opnieuw starten gaat verder.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="418"/>
        <source>Receive bundle</source>
        <translation>Bundel ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="425"/>
        <source>Bundle (.wsbundle):</source>
        <translation>Bundel (.wsbundle):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="428"/>
        <source>New case file:</source>
        <translation>Nieuw zaakbestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="431"/>
        <source>Passphrase for the new case:</source>
        <translation>Wachtwoordzin voor de nieuwe zaak:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="432"/>
        <source>Repeat:</source>
        <translation>Herhalen:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="435"/>
        <source>from %1</source>
        <translation>van %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="436"/>
        <source>Your key passphrase:</source>
        <translation>Wachtwoordzin van uw sleutel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="438"/>
        <source>Bundle passphrase (passphrase bundles only):</source>
        <translation>Wachtwoordzin van de bundel (alleen bij bundels met wachtwoordzin):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="441"/>
        <source>Sender: shown once the bundle is opened.</source>
        <translation>Afzender: zichtbaar zodra de bundel geopend is.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="451"/>
        <source>Accept this unknown sender (the case is flagged as unverified)</source>
        <translation>Deze onbekende afzender accepteren (de zaak wordt als ongeverifieerd gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="456"/>
        <source>Open the received case</source>
        <translation>De ontvangen zaak openen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="460"/>
        <source>Receive</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="469"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="476"/>
        <source>Bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="483"/>
        <source>New case</source>
        <translation>Nieuwe zaak</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="492"/>
        <source>Choose the bundle and the new case file.</source>
        <translation>Kies de bundel en het nieuwe zaakbestand.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="495"/>
        <source>A file with this name already exists; choose another name.</source>
        <translation>Er bestaat al een bestand met deze naam; kies een andere naam.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="498"/>
        <source>The case passphrase must be at least 8 characters.</source>
        <translation>De wachtwoordzin van de zaak moet minstens 8 tekens lang zijn.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="501"/>
        <source>The two case passphrases differ.</source>
        <translation>De twee wachtwoordzinnen van de zaak verschillen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="523"/>
        <source>Sender: %1 (NOT in your contacts)</source>
        <translation>Afzender: %1 (NIET in uw contacten)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="524"/>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="543"/>
        <source>Fingerprint: %1</source>
        <translation>Vingerafdruk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="527"/>
        <source>Unknown sender: this bundle is signed by a key that is not in your contacts. Check the fingerprint with the sender by phone. Nothing was created. To receive it anyway, tick “Accept this unknown sender” and press Receive again.</source>
        <translation>Onbekende afzender: deze bundel is ondertekend met een sleutel die niet in uw contacten staat. Controleer de vingerafdruk telefonisch met de afzender. Er is niets aangemaakt. Wilt u hem toch ontvangen, vink dan “Deze onbekende afzender accepteren” aan en druk opnieuw op Ontvangen.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="538"/>
        <source>an UNKNOWN sender</source>
        <translation>een ONBEKENDE afzender</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="541"/>
        <source>Sender: %1%2</source>
        <translation>Afzender: %1%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="546"/>
        <source>The sender is NOT in your contacts: the case is flagged as from an unverified sender.</source>
        <translation>De afzender staat NIET in uw contacten: de zaak is gemarkeerd als afkomstig van een ongeverifieerde afzender.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="552"/>
        <source>Received %1 item(s) into %2. Signature, hashes and audit chain verified.</source>
        <translation>%1 item(s) ontvangen in %2. Handtekening, hashes en auditketen geverifieerd.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="557"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="203"/>
        <source>Annotate region</source>
        <translation>Gebied annoteren</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="207"/>
        <source>Region (x, y, w, h):</source>
        <translation>Gebied (x, y, b, h):</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="210"/>
        <source>(no indicator, note only)</source>
        <translation>(geen indicator, alleen notitie)</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="213"/>
        <source>Indicator:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="216"/>
        <source>What is in this region, and why it matters</source>
        <translation>Wat er in dit gebied staat, en waarom het ertoe doet</translation>
    </message>
    <message>
        <location filename="../../ui/views/image_viewer.py" line="217"/>
        <source>Note:</source>
        <translation>Notitie:</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="51"/>
        <location filename="../../ui/dialogs/report_dialog.py" line="161"/>
        <source>Court report</source>
        <translation>Rapport voor de rechtbank</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="62"/>
        <source>All exhibits (%1)</source>
        <translation>Alle stukken (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="65"/>
        <source>The %1 selected item(s) (marked as exhibits first)</source>
        <translation>De %1 geselecteerde item(s) (eerst als stuk gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="77"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="81"/>
        <source>PDF file:</source>
        <translation>PDF-bestand:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="84"/>
        <source>No redaction</source>
        <translation>Geen redactie</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="85"/>
        <source>Pixelate images tagged sensitive or minor</source>
        <translation>Afbeeldingen met label gevoelig of minderjarige pixeleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="86"/>
        <source>Blur images tagged sensitive or minor</source>
        <translation>Afbeeldingen met label gevoelig of minderjarige vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="87"/>
        <source>Pixelate all images</source>
        <translation>Alle afbeeldingen pixeleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="88"/>
        <source>Blur all images</source>
        <translation>Alle afbeeldingen vervagen</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="95"/>
        <source>Redaction:</source>
        <translation>Redactie:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="97"/>
        <source>Classification:</source>
        <translation>Rubricering:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="99"/>
        <source>Bates prefix:</source>
        <translation>Bates-voorvoegsel:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="100"/>
        <source>Also list machine-suggested indicators (marked as such)</source>
        <translation>Ook door de machine voorgestelde indicatoren vermelden (als zodanig gemarkeerd)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="104"/>
        <source>&lt;b&gt;Will be included&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wordt opgenomen&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="110"/>
        <source>Write report</source>
        <translation>Rapport schrijven</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="118"/>
        <source>Save report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="129"/>
        <source>Exhibit %1</source>
        <translation>Stuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="129"/>
        <source>new exhibit</source>
        <translation>nieuw stuk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="132"/>
        <source>No exhibits yet: mark items with “Add to exhibits” (E), or select items.</source>
        <translation>Nog geen stukken: markeer items met “Toevoegen aan stukken” (E), of selecteer items.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="152"/>
        <source>Report written: %1 (%2 pages, %3 exhibits). SHA-256 %4 (recorded in the audit log).</source>
        <translation>Rapport geschreven: %1 (%2 pagina&apos;s, %3 stukken). SHA-256 %4 (vastgelegd in het auditlog).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/report_dialog.py" line="161"/>
        <source>steps</source>
        <translation>stappen</translation>
    </message>
</context>
<context>
    <name>SelectorsView</name>
    <message>
        <location filename="../../ui/views/tables_views.py" line="99"/>
        <source>double-click to see the items</source>
        <translation>dubbelklik om de items te zien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="103"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="104"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="105"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="106"/>
        <source>Platforms</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="107"/>
        <source>First seen</source>
        <translation>Eerst gezien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="108"/>
        <source>Last seen</source>
        <translation>Laatst gezien</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="123"/>
        <source>No selectors (phone numbers, e-mail addresses, handles) found yet.</source>
        <translation>Nog geen selectors (telefoonnummers, e-mailadressen, gebruikersnamen) gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/views/tables_views.py" line="157"/>
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
        <source>A new language applies after a restart.</source>
        <translation>Een nieuwe taal geldt na herstarten.</translation>
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
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="139"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="159"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="177"/>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/transfer_dialogs.py" line="205"/>
        <source>Cancelled; nothing was written.</source>
        <translation>Geannuleerd; er is niets geschreven.</translation>
    </message>
</context>
</TS>
