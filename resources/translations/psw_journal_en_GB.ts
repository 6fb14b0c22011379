<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>App</name>
    <message>
        <location filename="../../psw_journal/ui/app.py" line="112"/>
        <source>PSW Reflective Journal</source>
        <extracomment>Used only to pre-fill and auto-unlock (benchmarks); never stored.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="104"/>
        <source>Demo journal</source>
        <extracomment>Imported one per event-loop turn once the first window shows, so the unlock and the main window do not wait for them; each is a module the first window does not need (about 0.4 s).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="105"/>
        <source>The demo journal could not be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="278"/>
        <source>Framework not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="279"/>
        <source>{0}

The framework you were using is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="57"/>
        <source>Saving soon…</source>
        <extracomment>The first edit starts this timer and later edits do not restart it, so continuous typing is still saved about once a second: well inside the promise of losing at most 2 s. The title and body as last saved, to tell a change of text from one of links only.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="76"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="86"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="115"/>
        <source>In the trash (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="133"/>
        <source>New entry: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_delegate.py" line="64"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="37"/>
        <source>Not set</source>
        <extracomment>The preview keeps the writer&apos;s line breaks (nl2br), as a notebook would.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="37"/>
        <source>1 · calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="38"/>
        <source>2 · settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="39"/>
        <source>3 · some stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="40"/>
        <source>4 · stressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="41"/>
        <source>5 · very stressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="59"/>
        <source>Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="62"/>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="66"/>
        <source>Write here. Markdown is welcome: ## headings, *italics*, - lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="78"/>
        <source>Entry title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="79"/>
        <source>Date it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="80"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="81"/>
        <source>Stress check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="82"/>
        <source>Entry text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="83"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="84"/>
        <source>Word count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="85"/>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="87"/>
        <source>How stressed do you feel after this? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="97"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="98"/>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="99"/>
        <source>&amp;Stress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="105"/>
        <source>&amp;Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="106"/>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <location filename="../../psw_journal/ui/models/entry_list_model.py" line="53"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="49"/>
        <source>Import entries</source>
        <extracomment>How many problems the preview lists before summing up the rest.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="57"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="123"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="58"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="59"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="164"/>
        <source>Choose what to import. Nothing is added to your journal until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="65"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="174"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="73"/>
        <source>This app&apos;s export (JSON Lines, .jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="74"/>
        <source>jrnl export (jrnl --format json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="75"/>
        <source>Day One export (.zip or .json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="76"/>
        <source>A folder of Markdown files (.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="83"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="87"/>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="91"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="100"/>
        <source>What will be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="94"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="99"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="99"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="122"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="131"/>
        <source>Folder of Markdown files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="134"/>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="135"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="136"/>
        <source>Day One export (*.zip *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="138"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="156"/>
        <source>{0} Nothing will be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="184"/>
        <source>Dated {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="195"/>
        <source>&lt;b&gt;Nothing new to import.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="198"/>
        <source>… and {0} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="202"/>
        <source>Not everything can come along:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="214"/>
        <source>{0} Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="41"/>
        <source>not in this framework</source>
        <extracomment>How many suggestions of each kind the panel shows at once.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="42"/>
        <source>Select a competence to read it in full here. Tick its box to link it to this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="83"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="110"/>
        <source>Search competences</source>
        <extracomment>The suggestions on show, in order (the buttons above follow the same order).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="91"/>
        <source>Evidence note for the selected link: how does this entry show it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="92"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="115"/>
        <source>Remove link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="93"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="116"/>
        <source>Suggested links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="111"/>
        <source>Competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="112"/>
        <source>Competence details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="113"/>
        <source>Linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="114"/>
        <source>Evidence note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="127"/>
        <source>&amp;Competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="128"/>
        <source>P&amp;rinciples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="129"/>
        <source>Lin&amp;ked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="147"/>
        <source>Evidence &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="192"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="292"/>
        <source>Principle: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="288"/>
        <source>Competence: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="293"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="379"/>
        <source>Competence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="293"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="380"/>
        <source>Principle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="294"/>
        <source>{0} {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="306"/>
        <source>Lin&amp;ked ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="353"/>
        <source>Suggestions appear here after you pause writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="374"/>
        <source>You wrote: ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="390"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="391"/>
        <source>Link {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="392"/>
        <source>Link this entry to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="393"/>
        <source>Not this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="394"/>
        <source>Not this: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="395"/>
        <source>Hide this suggestion for this entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="63"/>
        <location filename="../../psw_journal/ui/main_window.py" line="345"/>
        <location filename="../../psw_journal/ui/main_window.py" line="416"/>
        <source>PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="75"/>
        <source>Demo journal: changes are thrown away when you close the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="100"/>
        <source>&amp;New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="101"/>
        <source>&amp;Save now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="102"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="103"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="104"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="105"/>
        <source>Move to &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="106"/>
        <source>&amp;Restore from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="107"/>
        <source>Entry &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="108"/>
        <source>&amp;Coverage and prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="109"/>
        <source>&amp;Export coursework…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="110"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="111"/>
        <source>&amp;Lock journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="112"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="115"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="118"/>
        <source>&amp;About PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="119"/>
        <source>About the &amp;framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="120"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="125"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="126"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="127"/>
        <source>New from &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="136"/>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="153"/>
        <source>Demo journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="164"/>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="174"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="178"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="180"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="182"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="296"/>
        <source>Writing about a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="312"/>
        <source>Counting your entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="324"/>
        <source>Preparing the export and checking for identifying details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="346"/>
        <source>{0} (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="371"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="390"/>
        <source>Moved to the trash. Show the trash to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="397"/>
        <source>Restored from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="34"/>
        <source>Welcome to PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="37"/>
        <source>&amp;Create my journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="38"/>
        <source>&amp;Explore a demo journal first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="47"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="55"/>
        <source>Your journal will be kept here:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="75"/>
        <source>This is a private place to reflect on your work as a Peer Support Worker or student: after a shift, a placement day or supervision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="77"/>
        <source>Everything you write stays on this computer, locked with a passphrase that only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/welcome_dialog.py" line="79"/>
        <source>As you write, it suggests which competences and principles your reflection shows, so coursework and supervision are easier to prepare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
