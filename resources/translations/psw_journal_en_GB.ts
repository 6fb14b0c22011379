<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>App</name>
    <message>
        <location filename="../../psw_journal/ui/app.py" line="145"/>
        <source>PSW Reflective Journal</source>
        <extracomment>Used only to pre-fill and auto-unlock (benchmarks); never stored.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="139"/>
        <source>Demo journal</source>
        <extracomment>Imported one per event-loop turn once the first window shows, so the unlock and the main window do not wait for them; each is a module the first window does not need (about 0.4 s). Nobody types a passphrase in a tenth of a second: the dialog maps and paints first.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="140"/>
        <source>The demo journal could not be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="254"/>
        <source>Today&apos;s backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="297"/>
        <source>Your changes are not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="298"/>
        <source>Your latest changes could not be saved: {0}

They are kept in the app (not on disk) and come back in the editor when you unlock. Do not quit before they are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="331"/>
        <source>Passphrase changed. Older backups keep the passphrase they were made with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="349"/>
        <source>Framework not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/controller.py" line="350"/>
        <source>{0}

The framework you were using is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Coursework</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_progress.py" line="82"/>
        <source> · due {0}</source>
        <extracomment>Display names of principles and competences by id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseworkCommands</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_commands.py" line="84"/>
        <source>Preparing the export and checking for identifying details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_commands.py" line="103"/>
        <source>Moved to the trash. Tick “Show the trash” to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_commands.py" line="119"/>
        <source>Restored from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseworkHistoryDialog</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_history_dialog.py" line="31"/>
        <source>Coursework history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_history_dialog.py" line="37"/>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_history_dialog.py" line="39"/>
        <source>Version text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_history_dialog.py" line="41"/>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_history_dialog.py" line="47"/>
        <source>  (current)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseworkLocking</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_locking.py" line="108"/>
        <source>Your coursework changes are back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_locking.py" line="109"/>
        <source>Your latest coursework changes could not be saved before the journal locked ({0}). They were kept in memory and are back now; saving them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_locking.py" line="120"/>
        <source>Your coursework is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_locking.py" line="121"/>
        <source>Your latest coursework changes could not be saved, so the app stays open: {0}

Free some space or fix the problem, then choose Save now (Ctrl+S) or quit again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseworkSession</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_session.py" line="86"/>
        <source>Saving soon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_session.py" line="100"/>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_session.py" line="106"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_session.py" line="127"/>
        <source>In the trash (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_session.py" line="147"/>
        <source>Not saved yet: your changes from before the lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CourseworkWindow</name>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="58"/>
        <source>Coursework – PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="67"/>
        <source>Show the &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="75"/>
        <source>Start a &amp;new piece…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="88"/>
        <source>&amp;New piece…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="89"/>
        <source>&amp;Save now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="90"/>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="91"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="92"/>
        <source>Move to &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="93"/>
        <source>&amp;Restore from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="94"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="96"/>
        <source>Export this piece as a Word, PDF, Markdown or web document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="100"/>
        <source>Coursework pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="102"/>
        <location filename="../../psw_journal/ui/coursework_window.py" line="116"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="107"/>
        <source>Coursework title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="109"/>
        <source>Words in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="113"/>
        <source>Your coursework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="134"/>
        <location filename="../../psw_journal/ui/coursework_window.py" line="347"/>
        <source>Coursework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="147"/>
        <source>&lt;h2&gt;Your coursework, in your own words&lt;/h2&gt;&lt;p&gt;Start a piece from a brief: the 8 principles of peer support, the competence areas, or a brief file from your tutor. Write each section here, and quote passages from your journal entries as examples.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/coursework_window.py" line="281"/>
        <location filename="../../psw_journal/ui/coursework_window.py" line="302"/>
        <source>In all: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditSession</name>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="49"/>
        <source>Saving soon…</source>
        <extracomment>The title and body as last saved, to tell a change of text from one of links only.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="68"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="77"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="101"/>
        <source>Not saved yet: your changes from before the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="130"/>
        <source>In the trash (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/edit_session.py" line="138"/>
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
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="33"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="33"/>
        <source>1 · calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="34"/>
        <source>2 · settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="35"/>
        <source>3 · some stress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="36"/>
        <source>4 · stressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="37"/>
        <source>5 · very stressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="55"/>
        <source>Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="64"/>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="68"/>
        <source>Write here. Markdown is welcome: ## headings, *italics*, - lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="79"/>
        <source>Entry title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="80"/>
        <source>Date it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="81"/>
        <source>Time it happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="82"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="83"/>
        <source>Stress check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="84"/>
        <source>Entry text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="85"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="86"/>
        <source>Word count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="87"/>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="89"/>
        <source>How stressed do you feel after this? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="90"/>
        <source>The time of day it happened, such as 14:30 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="99"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="100"/>
        <source>Ti&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="101"/>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/entry_editor.py" line="102"/>
        <source>&amp;Stress:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <location filename="../../psw_journal/ui/models/entry_list_model.py" line="63"/>
        <source>Untitled</source>
        <extracomment>True while the reset is announced: a view (or Qt&apos;s model tester) asking for more then would insert rows inside the reset; it asks again once the reset is over.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExampleListModel</name>
    <message>
        <location filename="../../psw_journal/ui/models/coursework_models.py" line="192"/>
        <source>Untitled entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamplesPanel</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="39"/>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="40"/>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="41"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="42"/>
        <source>&amp;Open entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="44"/>
        <source>No examples yet. In an entry, select a passage and choose “Use as an example in…” (right-click, or Ctrl+Shift+E).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="59"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="60"/>
        <source>What this section should evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="61"/>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="77"/>
        <source>Still to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="70"/>
        <source>Examples from your journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="75"/>
        <source>This section should show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="110"/>
        <source>✓ {0}: shown by an example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="111"/>
        <source>○ {0}: no example yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="117"/>
        <source>The brief names nothing in particular here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/examples_panel.py" line="122"/>
        <source>Nothing missing: well done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="62"/>
        <source>Import entries</source>
        <extracomment>How many notes and how many unreadable files the preview lists before summing up the rest (the command line lists them all). How long after the last keystroke a typed path is previewed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="71"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="161"/>
        <source>Choose a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="72"/>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="91"/>
        <source>jrnl JSON export (jrnl --export json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="93"/>
        <source>jrnl Markdown export (jrnl --export markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="94"/>
        <source>jrnl YAML export, a folder (jrnl --export yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="97"/>
        <source>A folder of Markdown notes (.md, an Obsidian vault)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="169"/>
        <source>Folder to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="174"/>
        <source>Markdown (*.md *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="207"/>
        <source>Choose what to import. Nothing is added to your journal until you press Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="250"/>
        <source>Not everything comes along as it was:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="260"/>
        <source>Its settings will be restored: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="261"/>
        <source>Your journal already has entries, so its settings stay as they are (the file&apos;s are not imported: {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="277"/>
        <source>; Import brings in the other entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="81"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="218"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="90"/>
        <source>This app&apos;s export (JSON Lines, .jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="95"/>
        <source>Day One export (.zip or .json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="104"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="108"/>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="110"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="125"/>
        <source>What will be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="119"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="124"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="124"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="160"/>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="172"/>
        <source>JSON Lines (*.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="173"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="175"/>
        <source>Day One export (*.zip *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="177"/>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="199"/>
        <source>{0} Nothing will be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="231"/>
        <source>Dated {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="242"/>
        <source>&lt;b&gt;Nothing new to import.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="247"/>
        <location filename="../../psw_journal/ui/import_dialog.py" line="282"/>
        <source>… and {0} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/import_dialog.py" line="294"/>
        <source>{0} Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkPanel</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="53"/>
        <source>not in this framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="54"/>
        <source>Select a competence to read it in full here. Tick its box to link it to this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="80"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="104"/>
        <source>Search competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="89"/>
        <source>Evidence note for the selected link: how does this entry show it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="90"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="109"/>
        <source>Remove link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="105"/>
        <source>Competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="106"/>
        <source>Competence details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="107"/>
        <source>Linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="108"/>
        <source>Evidence note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="118"/>
        <source>&amp;Competences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="119"/>
        <source>P&amp;rinciples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="120"/>
        <source>Lin&amp;ked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="138"/>
        <source>Evidence &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="200"/>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="296"/>
        <source>Principle: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="294"/>
        <source>Competence: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="297"/>
        <source>Competence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="297"/>
        <source>Principle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="298"/>
        <source>{0} {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/link_panel.py" line="310"/>
        <source>Lin&amp;ked ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="66"/>
        <location filename="../../psw_journal/ui/main_window.py" line="294"/>
        <location filename="../../psw_journal/ui/main_window.py" line="334"/>
        <source>PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="80"/>
        <source>Demo journal: changes are thrown away when you close the app.</source>
        <extracomment>The tags the tag filter offers, to notice a save that brings a new one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="97"/>
        <source>&amp;New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="98"/>
        <source>&amp;Save now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="99"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="100"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="101"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="102"/>
        <source>Move to &amp;trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="103"/>
        <source>&amp;Restore from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="104"/>
        <source>Entry &amp;history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="105"/>
        <source>&amp;Coverage and prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="106"/>
        <source>&amp;Export coursework…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="107"/>
        <source>C&amp;oursework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="108"/>
        <source>&amp;Use as an example in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="109"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="110"/>
        <source>&amp;Lock journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="111"/>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="113"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="115"/>
        <source>&amp;About PSW Reflective Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="116"/>
        <source>About the &amp;framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="117"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="123"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="124"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="87"/>
        <source>New from &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="127"/>
        <source>Quote the selected passage as an example in a coursework section</source>
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
        <location filename="../../psw_journal/ui/main_window.py" line="180"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="182"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="184"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_window.py" line="295"/>
        <source>{0} (demo)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowCommands</name>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="79"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="110"/>
        <source>Writing about a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="129"/>
        <source>Moved to the trash. Show the trash to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="136"/>
        <source>Restored from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="161"/>
        <source>Counting your entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_commands.py" line="192"/>
        <source>Preparing the export and checking for identifying details…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowLocking</name>
    <message>
        <location filename="../../psw_journal/ui/main_locking.py" line="83"/>
        <source>Your changes from before the lock are back; saving them again.</source>
        <extracomment>Where the user was when the journal locked (no content unless a save failed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_locking.py" line="128"/>
        <source>Your changes are not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/main_locking.py" line="129"/>
        <source>Your latest changes could not be saved, so the app stays open: {0}

Free some space or fix the problem, then choose Save now (Ctrl+S) or quit again. You can also copy your text somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownPane</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/markdown_pane.py" line="25"/>
        <source>&amp;Write</source>
        <extracomment>The preview follows typing after a pause, so rendering never competes with keystrokes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/markdown_pane.py" line="26"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPieceDialog</name>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="43"/>
        <source>New coursework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="50"/>
        <source>The &amp;8 principles of peer support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="51"/>
        <source>The &amp;competence areas of the framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="52"/>
        <source>A brief &amp;file from my tutor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="54"/>
        <source>C&amp;hoose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="58"/>
        <source>&amp;Start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="70"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="71"/>
        <source>Brief file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="72"/>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="74"/>
        <source>About the brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="76"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="82"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="85"/>
        <source>Start from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="90"/>
        <source>Its sections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="111"/>
        <source>Choose the brief file your tutor gave you (YAML).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="120"/>
        <source>Choose a brief file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="121"/>
        <source>Coursework briefs (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="132"/>
        <source>This brief cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="152"/>
        <source>{0} words in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="155"/>
        <source>due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/new_piece_dialog.py" line="161"/>
        <source>{0} ({1} words)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PieceListModel</name>
    <message>
        <location filename="../../psw_journal/ui/models/coursework_models.py" line="60"/>
        <source>Due {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="29"/>
        <source>Use as an example</source>
        <extracomment>Shown in full up to this many characters, then shortened with an ellipsis.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="37"/>
        <source>Passage to quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="39"/>
        <source>Coursework piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="41"/>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="45"/>
        <source>&amp;Add example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="48"/>
        <source>&amp;Piece:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quote_dialog.py" line="49"/>
        <source>&amp;Section:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="34"/>
        <source>Write this section in your own words. Your examples are quoted after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="47"/>
        <source>Section heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="48"/>
        <source>What the brief asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="49"/>
        <source>Section text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="50"/>
        <source>Section preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="51"/>
        <source>Words in this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="52"/>
        <source>Words quoted in this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/section_editor.py" line="88"/>
        <source>Your words: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionListModel</name>
    <message>
        <location filename="../../psw_journal/ui/models/coursework_models.py" line="120"/>
        <source>, done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpellChecking</name>
    <message>
        <location filename="../../psw_journal/ui/spelling.py" line="213"/>
        <source>Spell checking is off: its word list could not be read ({0}). Reinstalling the app brings it back.</source>
        <extracomment>After the first editor is attached: the window paints and takes typing first. Time spent re-underlining per turn of the event loop when the list arrives or words change. Time one turn of the event loop may spend checking blocks as they change (see :meth:`SpellChecking.within_budget`). Brighter on a dark background, where the usual red all but disappears. The block and span of a word left alone because the cursor is in it. Blocks still to check, by number: a QTextBlock kept past an edit may dangle.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/spelling.py" line="250"/>
        <source>“{0}” is accepted until the journal locks, but could not be kept in it: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/spelling.py" line="320"/>
        <source>No suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/spelling.py" line="323"/>
        <source>Add “{0}” to dictionary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionBox</name>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="81"/>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="92"/>
        <source>Suggested links</source>
        <extracomment>How many suggestions of each kind the panel shows at once.
----------
The suggestions&apos; rows scroll inside a box of fixed height. The suggestions on show, in order (the buttons above follow the same order).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="126"/>
        <source>This entry is in the trash: restore it to change its links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="128"/>
        <source>Suggestions appear here after you pause writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="144"/>
        <source>You wrote: ‘{0}’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="149"/>
        <source>Competence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="149"/>
        <source>Principle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="160"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="161"/>
        <source>Link {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="162"/>
        <source>Link this entry to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="163"/>
        <source>Not this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="164"/>
        <source>Not this: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/widgets/suggestion_box.py" line="165"/>
        <source>Hide this suggestion for this entry</source>
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
<context>
    <name>window</name>
    <message>
        <location filename="../../psw_journal/ui/quoting.py" line="41"/>
        <location filename="../../psw_journal/ui/quoting.py" line="44"/>
        <source>Use as an example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quoting.py" line="45"/>
        <source>You have no coursework yet. Start a piece now? The passage can then be quoted into one of its sections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../psw_journal/ui/quoting.py" line="64"/>
        <source>Added to “{0}” in “{1}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
