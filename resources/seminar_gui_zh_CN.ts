<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnnounceDialog</name>
    <message>
        <source>Announce session</source>
        <translation>发布讲次通知</translation>
    </message>
    <message>
        <source>Announce Session</source>
        <translation>发布讲次通知</translation>
    </message>
    <message>
        <source>Plain text (chat, e-mail)</source>
        <translation>纯文本（聊天、电子邮件）</translation>
    </message>
    <message>
        <source>Markdown (GitHub, forums)</source>
        <translation>Markdown（GitHub、论坛）</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Template (saved in the project)</source>
        <translation>模板（保存在项目中）</translation>
    </message>
    <message>
        <source>Announcement template</source>
        <translation>通知模板</translation>
    </message>
    <message>
        <source>Placeholders: {names}. A line whose placeholders are all empty is left out; the meeting time, place and link come from the semester&apos;s settings. Write the template in Chinese and the date is written in Chinese too.</source>
        <translation>占位符：{names}。一行中的占位符若全为空，该行不输出；例会时间、地点和链接取自学期设置。用中文写模板，日期也会写成中文。</translation>
    </message>
    <message>
        <source>&amp;Built-in Template</source>
        <translation>内置模板(&amp;B)</translation>
    </message>
    <message>
        <source>Put the built-in template in the editor</source>
        <translation>将内置模板放入编辑器</translation>
    </message>
    <message>
        <source>&amp;Save Template</source>
        <translation>保存模板(&amp;S)</translation>
    </message>
    <message>
        <source>Keep this template in the project (undoable)</source>
        <translation>将此模板保存到项目中（可撤销）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the {what}</source>
        <translation>复制“{what}”</translation>
    </message>
    <message>
        <source>Select a session in the calendar to announce it.</source>
        <translation>在日历中选择一个讲次，即可生成它的通知。</translation>
    </message>
    <message>
        <source>Announcement of {day}</source>
        <translation>{day}的讲次通知</translation>
    </message>
    <message>
        <source>Copied the {what}: paste it where the group reads.</source>
        <translation>已复制“{what}”：粘贴到小组成员能看到的地方即可。</translation>
    </message>
    <message>
        <source>Template saved in the project.</source>
        <translation>模板已保存到项目中。</translation>
    </message>
</context>
<context>
    <name>Asker</name>
    <message>
        <source>seminar-gui project (*.seminar.json *.json);;All files (*)</source>
        <translation>seminar-gui 项目 (*.seminar.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown);;All files (*)</source>
        <translation>Markdown (*.md *.markdown);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translation>是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>如果不保存，你的更改将会丢失。</translation>
    </message>
    <message>
        <source>an unsaved project</source>
        <translation>未保存的项目</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>seminar-gui did not close properly. Work on {where} was saved automatically at {time}.

Restore it?</source>
        <translation>seminar-gui 上次未正常关闭。{where}中的工作已于 {time} 自动保存。

是否恢复？</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Import README</source>
        <translation>导入 README</translation>
    </message>
    <message>
        <source>Export README</source>
        <translation>导出 README</translation>
    </message>
    <message>
        <source>Reload it to see the other change: your unsaved changes here are lost. Or keep your version: Save then writes it over the other change.</source>
        <translation>重新加载以查看另一处的更改：此处未保存的更改将会丢失。或者保留你的版本：之后保存时将覆盖另一处的更改。</translation>
    </message>
    <message>
        <source>Reload it to see the other change, or keep the version shown here: Save then writes it over the other change.</source>
        <translation>重新加载以查看另一处的更改，或者保留此处显示的版本：之后保存时将覆盖另一处的更改。</translation>
    </message>
    <message>
        <source>Project changed on disk</source>
        <translation>磁盘上的项目已更改</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program.</source>
        <translation>“{name}”已被其他程序修改。</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>保留我的版本(&amp;K)</translation>
    </message>
    <message>
        <source>Project deleted on disk</source>
        <translation>磁盘上的项目已被删除</translation>
    </message>
    <message>
        <source>“{name}” was deleted or moved by another program.</source>
        <translation>“{name}”已被其他程序删除或移动。</translation>
    </message>
    <message>
        <source>The project is still open here: Save writes it again to {path}.</source>
        <translation>项目仍在此处打开：保存时将重新写入 {path}。</translation>
    </message>
    <message>
        <source>Project already open</source>
        <translation>项目已被打开</translation>
    </message>
    <message>
        <source>“{name}” is already open in seminar-gui ({who}).</source>
        <translation>“{name}”已在另一个 seminar-gui 中打开（{who}）。</translation>
    </message>
    <message>
        <source>Changes made in both will overwrite each other. Close it there first, or use it here anyway.</source>
        <translation>两处所做的更改会相互覆盖。请先在那边关闭它，或者仍在此处使用。</translation>
    </message>
    <message>
        <source>&amp;Open Anyway</source>
        <translation>仍然打开(&amp;O)</translation>
    </message>
    <message>
        <source>Read-only project file</source>
        <translation>只读项目文件</translation>
    </message>
    <message>
        <source>“{name}” is read-only.</source>
        <translation>“{name}”是只读的。</translation>
    </message>
    <message>
        <source>Someone marked it as not to be changed. Replace it with your version anyway (it stays read-only), or save it under another name?</source>
        <translation>有人将它标记为不可更改。仍要用你的版本替换它（它仍保持只读），还是以其他名称保存？</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>CalendarDelegate</name>
    <message>
        <source>open</source>
        <translation>空档</translation>
    </message>
    <message>
        <source>{day} · today</source>
        <translation>{day} · 今天</translation>
    </message>
    <message>
        <source>+ plan</source>
        <translation>+ 安排</translation>
    </message>
    <message>
        <source>No topic yet</source>
        <translation>尚无主题</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>还有 {n} 个</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Semester calendar</source>
        <translation>学期日历</translation>
    </message>
    <message>
        <source>One row per week. Drag a session to another date; double-click a date to add a session; Delete removes the selected session; Ctrl+Up and Ctrl+Down move it by a week; Enter edits it.</source>
        <translation>每行一周。将讲次拖到其他日期即可移动；双击日期添加讲次；Delete 删除所选讲次；Ctrl+Up 和 Ctrl+Down 将其前后移动一周；Enter 编辑讲次。</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>About the demo semester</source>
        <translation>关于演示学期</translation>
    </message>
    <message>
        <source>Import Your Group&apos;s README…</source>
        <translation>导入小组的 README…</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Explore the Demo</source>
        <translation>浏览演示</translation>
    </message>
    <message>
        <source>Welcome to seminar-gui</source>
        <translation>欢迎使用 seminar-gui</translation>
    </message>
    <message>
        <source>This is a demo semester to try things on: drag sessions on the calendar, edit them, watch the preview. To plan your group&apos;s semester, import the README you publish today or start a new project.</source>
        <translation>这是一个供你试用的演示学期：在日历上拖动讲次、编辑讲次、查看预览。要规划小组的学期，请导入你们现在发布的 README，或新建一个项目。</translation>
    </message>
    <message>
        <source>Demo semester: an example, not your project. Save asks for a new file; New Semester starts a project of your own.</source>
        <translation>演示学期：这只是示例，不是你的项目。保存时会要求选择新文件；“新建学期”会开始一个你自己的项目。</translation>
    </message>
</context>
<context>
    <name>ExportDiffDialog</name>
    <message>
        <source>Export README</source>
        <translation>导出 README</translation>
    </message>
    <message>
        <source>{n} lines of {path} were garbled by a wrong text encoding (mojibake), repaired when the README was imported: the export writes them repaired. They are not listed below.</source>
        <translation>{path} 中有 {n} 行因文本编码错误而乱码（mojibake），导入 README 时已修复：导出会写入修复后的内容。这些行不在下面列出。</translation>
    </message>
    <message>
        <source>Other changes that will be written to {path}:</source>
        <translation>将写入 {path} 的其他更改：</translation>
    </message>
    <message>
        <source>These changes will be written to {path}:</source>
        <translation>以下更改将写入 {path}：</translation>
    </message>
    <message>
        <source>No other changes to {path}.</source>
        <translation>{path} 没有其他更改。</translation>
    </message>
    <message>
        <source>{path} is already up to date.</source>
        <translation>{path} 已是最新。</translation>
    </message>
    <message>
        <source>Changes to the README</source>
        <translation>README 的更改</translation>
    </message>
    <message>
        <source>(no changes)</source>
        <translation>（没有更改）</translation>
    </message>
    <message>
        <source>Write README</source>
        <translation>写入 README</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Autosave failed: {e}</source>
        <translation>自动保存失败：{e}</translation>
    </message>
    <message>
        <source>Unsaved work could not be restored</source>
        <translation>无法恢复未保存的工作</translation>
    </message>
    <message>
        <source>Restored unsaved work</source>
        <translation>已恢复未保存的工作</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>{name} was changed by another program; Save writes your version</source>
        <translation>{name} 已被其他程序修改；保存时将写入你的版本</translation>
    </message>
    <message>
        <source>Could not reload the project</source>
        <translation>无法重新加载项目</translation>
    </message>
    <message>
        <source>Reloaded {name}</source>
        <translation>已重新加载 {name}</translation>
    </message>
    <message>
        <source>Could not import the README</source>
        <translation>无法导入 README</translation>
    </message>
    <message>
        <source>Imported {n} sessions from {path}.</source>
        <translation>已从 {path} 导入 {n} 个讲次。</translation>
    </message>
    <message>
        <source>README imported</source>
        <translation>README 已导入</translation>
    </message>
    <message>
        <source>{n} things to check (details).</source>
        <translation>有 {n} 处需要检查（见详细信息）。</translation>
    </message>
    <message>
        <source>Save it as a project to keep it.</source>
        <translation>请将其保存为项目以保留。</translation>
    </message>
    <message>
        <source>Could not write the README</source>
        <translation>无法写入 README</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>seminar-gui main window</source>
        <translation>seminar-gui 主窗口</translation>
    </message>
    <message>
        <source>Calendar, editor and preview</source>
        <translation>日历、编辑器和预览</translation>
    </message>
    <message>
        <source>Project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <source>New &amp;Project…</source>
        <translation>新建项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Start a project of your own with its first semester</source>
        <translation>从第一个学期开始，创建你自己的项目</translation>
    </message>
    <message>
        <source>&amp;New Semester…</source>
        <translation>新建学期(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a semester: title, meeting day, first and last date</source>
        <translation>添加学期：标题、例会日、开始和结束日期</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import README…</source>
        <translation>导入 README(&amp;I)…</translation>
    </message>
    <message>
        <source>Read a schedule README into a new project</source>
        <translation>将日程 README 读入新项目</translation>
    </message>
    <message>
        <source>&amp;Export README…</source>
        <translation>导出 README(&amp;E)…</translation>
    </message>
    <message>
        <source>Write README.md (shows the changes first)</source>
        <translation>写入 README.md（先显示更改）</translation>
    </message>
    <message>
        <source>Export Ca&amp;lendar…</source>
        <translation>导出日历(&amp;L)…</translation>
    </message>
    <message>
        <source>Write schedule.ics beside the README: one event per session</source>
        <translation>在 README 旁写入日历订阅 schedule.ics：每个讲次一个事件</translation>
    </message>
    <message>
        <source>Pu&amp;blish…</source>
        <translation>发布(&amp;B)…</translation>
    </message>
    <message>
        <source>Commit README.md, the slides and the project to the site&apos;s Git repository</source>
        <translation>将 README.md、幻灯片和项目提交到站点的 Git 仓库</translation>
    </message>
    <message>
        <source>Project Se&amp;ttings…</source>
        <translation>项目设置(&amp;T)…</translation>
    </message>
    <message>
        <source>The site folder (README.md and slides/) and the slide file names</source>
        <translation>站点文件夹（README.md 和 slides/）以及幻灯片文件名</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete Session</source>
        <translation>删除讲次(&amp;D)</translation>
    </message>
    <message>
        <source>Se&amp;mester Settings…</source>
        <translation>学期设置(&amp;M)…</translation>
    </message>
    <message>
        <source>Meeting day and time, place, online link, term dates and breaks</source>
        <translation>例会日和时间、地点、线上会议链接、学期起止日期和停会</translation>
    </message>
    <message>
        <source>&amp;Fill Open Slots</source>
        <translation>填充空档(&amp;F)</translation>
    </message>
    <message>
        <source>An empty session on every open meeting day from today on</source>
        <translation>从今天起，在每个空档的例会日添加一个空讲次</translation>
    </message>
    <message>
        <source>A&amp;nnounce Session…</source>
        <translation>发布讲次通知(&amp;N)…</translation>
    </message>
    <message>
        <source>The selected session&apos;s announcement, plain text and Markdown, to copy</source>
        <translation>所选讲次的通知（纯文本和 Markdown），可供复制</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key of the menus and the calendar</source>
        <translation>菜单和日历中的所有按键</translation>
    </message>
    <message>
        <source>The README &amp;Format</source>
        <translation>README 格式(&amp;F)</translation>
    </message>
    <message>
        <source>What the exported README looks like</source>
        <translation>导出的 README 是什么样子</translation>
    </message>
    <message>
        <source>&amp;About seminar-gui</source>
        <translation>关于 seminar-gui(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>打开最近(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The language changes when seminar-gui starts again.</source>
        <translation>重新启动 seminar-gui 后语言才会更改。</translation>
    </message>
    <message>
        <source>Started a new project for the semester: the demo stays an example.</source>
        <translation>已为该学期新建项目：演示学期仍作为示例保留。</translation>
    </message>
    <message>
        <source>Could not add the semester</source>
        <translation>无法添加学期</translation>
    </message>
    <message>
        <source>Demo semester</source>
        <translation>演示学期</translation>
    </message>
</context>
<context>
    <name>NewSemesterDialog</name>
    <message>
        <source>New semester</source>
        <translation>新建学期</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>沿用</translation>
    </message>
    <message>
        <source>Keep that semester&apos;s sections (Specific Requirements, Other Information), meeting day, time, place and online link; not its sessions</source>
        <translation>沿用该学期的章节（Specific Requirements、Other Information）、例会日、时间、地点和线上会议链接，不沿用其讲次</translation>
    </message>
    <message>
        <source>Nothing: an empty semester</source>
        <translation>不沿用：空白学期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>季节</translation>
    </message>
    <message>
        <source>Meeting day</source>
        <translation>例会日</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Plan a session on every meeting day</source>
        <translation>在每个例会日安排一个讲次</translation>
    </message>
    <message>
        <source>{title} already exists.</source>
        <translation>{title} 已存在。</translation>
    </message>
</context>
<context>
    <name>PaperLookupBar</name>
    <message>
        <source>Paper look-up</source>
        <translation>论文查询</translation>
    </message>
    <message>
        <source>Asking {service}…</source>
        <translation>正在查询 {service}…</translation>
    </message>
    <message>
        <source>{service} paper {id}: fill in its title, venue and authors?</source>
        <translation>{service} 论文 {id}：要填入它的标题、会议标签和作者吗？</translation>
    </message>
    <message>
        <source>Fill in from {service}</source>
        <translation>从 {service} 填入</translation>
    </message>
    <message>
        <source>Replace the title, venue and authors with what {service} says</source>
        <translation>用 {service} 给出的信息替换标题、会议标签和作者</translation>
    </message>
    <message>
        <source>Filled in from {service}: title, venue and {n} author(s).</source>
        <translation>已从 {service} 填入：标题、会议标签和 {n} 位作者。</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>讲次</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>主讲</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>协讲</translation>
    </message>
    <message>
        <source>Last date</source>
        <translation>最近日期</translation>
    </message>
    <message>
        <source>The presenter&apos;s name as written in their latest session</source>
        <translation>报告人姓名，按其最近一个讲次中的写法</translation>
    </message>
    <message>
        <source>Their latest affiliation</source>
        <translation>其最近的单位</translation>
    </message>
    <message>
        <source>Sessions they present in</source>
        <translation>参与报告的讲次数</translation>
    </message>
    <message>
        <source>Topics they lead (the first presenter of a topic leads it)</source>
        <translation>主讲的主题数（主题的第一位报告人为主讲）</translation>
    </message>
    <message>
        <source>Topics they support</source>
        <translation>协讲的主题数</translation>
    </message>
    <message>
        <source>Their latest session (a planned one counts)</source>
        <translation>最近一个讲次（已排定的也算）</translation>
    </message>
    <message>
        <source>{name}: {lead} lead, {supporting} supporting; last {date}</source>
        <translation>{name}：主讲 {lead} 次，协讲 {supporting} 次；最近一次 {date}</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <comment>a date in the People table</comment>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>People</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Show or hide who presents, with their lead and supporting turns</source>
        <translation>显示或隐藏报告人及其主讲次数和协讲次数</translation>
    </message>
    <message>
        <source>Whose sessions are counted</source>
        <translation>统计哪些讲次</translation>
    </message>
    <message>
        <source>Semester on show</source>
        <translation>当前显示的学期</translation>
    </message>
    <message>
        <source>All semesters</source>
        <translation>所有学期</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>统计(&amp;C)：</translation>
    </message>
    <message>
        <source>Presenters and their turns</source>
        <translation>报告人及其主讲、协讲次数</translation>
    </message>
    <message>
        <source>Everyone who presents. Click a column to sort (Last date: who has waited longest comes first). Choose a person to mark their sessions in the calendar.</source>
        <translation>所有做报告的人。点击列标题排序（最近日期：等得最久的人排在最前）。选中一个人，即可在日历中标出其讲次。</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 人</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PresentersModel</name>
    <message>
        <source>type a name</source>
        <translation>输入姓名</translation>
    </message>
    <message>
        <source>Lead presenter (the “1” of 1+N)</source>
        <translation>主讲人（1+N 中的“1”）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>★ Lead</source>
        <translation>★ 主讲</translation>
    </message>
    <message>
        <source>Co-presenter</source>
        <translation>协讲人</translation>
    </message>
</context>
<context>
    <name>PresentersPanel</name>
    <message>
        <source>P&amp;resenters</source>
        <translation>报告人(&amp;R)</translation>
    </message>
    <message>
        <source>Add a presenter</source>
        <translation>添加报告人</translation>
    </message>
    <message>
        <source>Remove the selected presenter</source>
        <translation>移除所选报告人</translation>
    </message>
    <message>
        <source>Move the presenter up (the top one leads)</source>
        <translation>上移报告人（最上面的一位为主讲）</translation>
    </message>
    <message>
        <source>Move the presenter down</source>
        <translation>下移报告人</translation>
    </message>
    <message>
        <source>Presenters</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>★ The first presenter leads (the “1” of 1+N); double-click to edit.</source>
        <translation>★ 第一位报告人为主讲（1+N 中的“1”）；双击可编辑。</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>README preview</source>
        <translation>README 预览</translation>
    </message>
    <message>
        <source>The README as GitHub will show it</source>
        <translation>README 在 GitHub 上的显示效果</translation>
    </message>
    <message>
        <source>Parts of this section are nested too deeply to preview; shown flattened.</source>
        <translation>此部分有些内容嵌套过深，无法预览；已展平显示。</translation>
    </message>
    <message>
        <source>Table cut: the preview shows at most {cells} table cells.</source>
        <translation>表格已截断：预览最多显示 {cells} 个表格单元格。</translation>
    </message>
    <message>
        <source>This part could not be previewed ({reason}); its Markdown is shown as is.</source>
        <translation>此部分无法预览（{reason}）；按原样显示其 Markdown。</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>嵌套过深</translation>
    </message>
    <message>
        <source>too complex</source>
        <translation>过于复杂</translation>
    </message>
    <message>
        <source>Too long to preview ({size} KB); the first {shown} KB are shown as is.</source>
        <translation>内容过长，无法预览（{size} KB）；按原样显示前 {shown} KB。</translation>
    </message>
    <message>
        <source>The rest of the README is too long to preview.</source>
        <translation>README 的其余部分过长，无法预览。</translation>
    </message>
    <message>
        <source>Rendering the rest of the README…</source>
        <translation>正在渲染 README 的其余部分…</translation>
    </message>
    <message>
        <source>More images than the preview shows ({images} at most): the rest show their text.</source>
        <translation>图片数量超出预览上限（最多 {images} 张）：其余图片显示为文字。</translation>
    </message>
    <message>
        <source>{link} was not opened: only web, mail and slide links open</source>
        <translation>未打开 {link}：只能打开网页、邮件和幻灯片链接</translation>
    </message>
    <message>
        <source>{link} was not opened: only links inside the site folder open</source>
        <translation>未打开 {link}：只能打开站点文件夹内的链接</translation>
    </message>
    <message>
        <source>{link} was not opened: save the project first (no site folder)</source>
        <translation>未打开 {link}：请先保存项目（还没有站点文件夹）</translation>
    </message>
    <message>
        <source>{link} was not opened: it leads outside the site folder</source>
        <translation>未打开 {link}：它指向站点文件夹之外</translation>
    </message>
    <message>
        <source>{link} was not opened: only slide files under slides/ open from the preview</source>
        <translation>未打开 {link}：在预览中只能打开 slides/ 下的幻灯片文件</translation>
    </message>
    <message>
        <source>{link} does not exist</source>
        <translation>{link} 不存在</translation>
    </message>
    <message>
        <source>{link} was not opened: it is not a regular file</source>
        <translation>未打开 {link}：它不是普通文件</translation>
    </message>
    <message>
        <source>{link} was not opened: it cannot be read</source>
        <translation>未打开 {link}：无法读取</translation>
    </message>
    <message>
        <source>{link} was not opened: not a usable link</source>
        <translation>未打开 {link}：不是可用的链接</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>{where} — {message}</source>
        <translation>{where} — {message}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>{severity}: {message}</source>
        <translation>{severity}：{message}</translation>
    </message>
    <message>
        <source>Double-click or press Enter to go there.</source>
        <translation>双击或按 Enter 转到该处。</translation>
    </message>
    <message>
        <source>Double-click or press Enter to set the site folder.</source>
        <translation>双击或按 Enter 设置站点文件夹。</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open its folder.</source>
        <translation>双击或按 Enter 打开其所在文件夹。</translation>
    </message>
    <message>
        <source>{e} errors, {w} warnings, {i} notes</source>
        <translation>{e} 个错误，{w} 个警告，{i} 个提示</translation>
    </message>
    <message>
        <source>Show or hide the list of problems</source>
        <translation>显示或隐藏问题列表</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>ProjectSettingsDialog</name>
    <message>
        <source>Project settings</source>
        <translation>项目设置</translation>
    </message>
    <message>
        <source>Project Settings</source>
        <translation>项目设置</translation>
    </message>
    <message>
        <source>Public &amp;holidays of:</source>
        <translation>公共节假日(&amp;H)：</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The group&apos;s rules</source>
        <translation>小组的规则</translation>
    </message>
    <message>
        <source>The Problems list and seminar-gui check report what breaks a rule that is on</source>
        <translation>“问题”列表和 seminar-gui check 会报告违反已启用规则之处</translation>
    </message>
    <message>
        <source>Country of the public holidays</source>
        <translation>公共节假日所属国家</translation>
    </message>
    <message>
        <source>The calendar shades this country&apos;s public holidays and warns about sessions on them: a two-letter code such as CN; empty: none</source>
        <translation>日历会用底色标出该国的公共节假日，并对安排在节假日的讲次发出警告：填两个字母的国家代码，如 CN；留空：不标出</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>The country chosen</source>
        <translation>所选国家</translation>
    </message>
    <message>
        <source>Holiday country problem</source>
        <translation>节假日国家的问题</translation>
    </message>
    <message>
        <source>No public holidays are shaded.</source>
        <translation>不标出公共节假日。</translation>
    </message>
    <message>
        <source>Relative to the project file: save the project first.</source>
        <translation>相对于项目文件：请先保存项目。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} (no README.md there yet)</source>
        <translation>{path}（其中还没有 README.md）</translation>
    </message>
    <message>
        <source>{path} ✓</source>
        <translation>{path} ✓</translation>
    </message>
    <message>
        <source>e.g. {name}</source>
        <translation>例如 {name}</translation>
    </message>
</context>
<context>
    <name>PublishController</name>
    <message>
        <source>Committing and pushing…</source>
        <translation>正在提交并推送…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Looking at the repository…</source>
        <translation>正在查看仓库…</translation>
    </message>
    <message>
        <source>Files that will be committed</source>
        <translation>将要提交的文件</translation>
    </message>
    <message>
        <source>Commit &amp;message:</source>
        <translation>提交说明(&amp;M)：</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>提交说明</translation>
    </message>
    <message>
        <source>&amp;Push to the remote (fetch, integrate, push)</source>
        <translation>推送到远程仓库（获取、整合、推送）(&amp;P)</translation>
    </message>
    <message>
        <source>Uses your own Git set-up: credential helper, SSH agent and hooks, as in a terminal. Remembered for this project.</source>
        <translation>使用你自己的 Git 配置：凭据助手、SSH 代理和钩子，与在终端中一样。本项目会记住此选择。</translation>
    </message>
    <message>
        <source>Git is working</source>
        <translation>Git 正在运行</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Nothing to publish: README.md, the slides and the project are committed in {root} as they are.</source>
        <translation>没有需要发布的内容：README.md、幻灯片和项目已按当前内容提交在 {root} 中。</translation>
    </message>
    <message>
        <source>These files will be committed in {root} (nothing else):</source>
        <translation>将在 {root} 中提交以下文件（不含其他文件）：</translation>
    </message>
</context>
<context>
    <name>RepoStatusLabel</name>
    <message>
        <source>Repository state</source>
        <translation>仓库状态</translation>
    </message>
    <message>
        <source>Git repository: {root}</source>
        <translation>Git 仓库：{root}</translation>
    </message>
    <message>
        <source>Slide files not committed: {files}</source>
        <translation>未提交的幻灯片文件：{files}</translation>
    </message>
    <message>
        <source>detached HEAD (no branch)</source>
        <translation>分离头指针 HEAD（不在分支上）</translation>
    </message>
    <message>
        <source>1 change not published</source>
        <translation>1 项更改未发布</translation>
    </message>
    <message>
        <source>{n} changes not published</source>
        <translation>{n} 项更改未发布</translation>
    </message>
    <message>
        <source>the remote</source>
        <translation>远程仓库</translation>
    </message>
    <message>
        <source>behind {upstream} by {n}</source>
        <translation>落后 {upstream} {n} 个提交</translation>
    </message>
    <message>
        <source>ahead of {upstream} by {n}</source>
        <translation>领先 {upstream} {n} 个提交</translation>
    </message>
    <message>
        <source>the slide file {file} is not committed to Git yet: File › Publish… commits it</source>
        <translation>幻灯片文件 {file} 尚未提交到 Git：“文件 › 发布”会提交它</translation>
    </message>
</context>
<context>
    <name>SemesterCalendar</name>
    <message>
        <source>Semester calendar panel</source>
        <translation>学期日历面板</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>The semester shown in the calendar</source>
        <translation>日历中显示的学期</translation>
    </message>
    <message>
        <source>&amp;Semester:</source>
        <translation>学期(&amp;S)：</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Semester settings</source>
        <translation>学期设置</translation>
    </message>
    <message>
        <source>Meeting day and time, place, online link, term dates and breaks</source>
        <translation>例会日和时间、地点、线上会议链接、学期起止日期和停会</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Meeting day</source>
        <translation>例会日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Open slot</source>
        <translation>空档</translation>
    </message>
    <message>
        <source>Holiday or break</source>
        <translation>节假日或停会</translation>
    </message>
    <message>
        <source>Drag a card to another date to move the session (onto a session: they swap). Double-click a free date to add a session. Delete removes the selected session; Ctrl+Up/Down moves it by a week.</source>
        <translation>将卡片拖到其他日期即可移动讲次（拖到另一讲次上则两者交换）。双击空闲日期添加讲次。Delete 删除所选讲次；Ctrl+Up/Down 将其移动一周。</translation>
    </message>
    <message>
        <source>This project has no semester yet. Add one with File ▸ New Semester.</source>
        <translation>此项目还没有学期。请通过“文件 ▸ 新建学期”添加。</translation>
    </message>
</context>
<context>
    <name>SemesterSettingsDialog</name>
    <message>
        <source>Semester settings</source>
        <translation>学期设置</translation>
    </message>
    <message>
        <source>Settings of {title}</source>
        <translation>{title} 学期设置</translation>
    </message>
    <message>
        <source>The title follows the README&apos;s &apos;# 2025 Fall&apos; heading</source>
        <translation>学期标题取自 README 中 &apos;# 2025 Fall&apos; 这样的标题</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Meeting day</source>
        <translation>例会日</translation>
    </message>
    <message>
        <source>The most common day of the sessions</source>
        <translation>讲次最常在的星期几</translation>
    </message>
    <message>
        <source>Meeting time</source>
        <translation>例会时间</translation>
    </message>
    <message>
        <source>19:00 or 19:00-21:00</source>
        <translation>19:00 或 19:00-21:00</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Room, building</source>
        <translation>楼宇、房间</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>线上会议链接</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Breaks (no meetings):</source>
        <translation>停会（不聚会）：</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>停会</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Add Break</source>
        <translation>添加停会(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove Break</source>
        <translation>移除停会(&amp;R)</translation>
    </message>
    <message>
        <source>{field} is set</source>
        <translation>已设置{field}</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>停会</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>Session editor</source>
        <translation>讲次编辑器</translation>
    </message>
    <message>
        <source>Select a session in the calendar, or double-click a date to plan one.</source>
        <translation>在日历中选择一个讲次，或双击日期安排新讲次。</translation>
    </message>
    <message>
        <source>No session selected</source>
        <translation>未选择讲次</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>讲次</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>讲次日期</translation>
    </message>
    <message>
        <source>Move the session; a session already on that day swaps</source>
        <translation>移动讲次；若当天已有讲次，则两者交换</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Add a topic to this session</source>
        <translation>为此讲次添加主题</translation>
    </message>
    <message>
        <source>Delete the selected topic</source>
        <translation>删除所选主题</translation>
    </message>
    <message>
        <source>Move the selected topic up</source>
        <translation>上移所选主题</translation>
    </message>
    <message>
        <source>Move the selected topic down</source>
        <translation>下移所选主题</translation>
    </message>
    <message>
        <source>Topics of the session</source>
        <translation>讲次的主题</translation>
    </message>
    <message>
        <source>Drag a topic to reorder; select it to edit it below</source>
        <translation>拖动主题可调整顺序；选中后可在下方编辑</translation>
    </message>
    <message>
        <source>{date} · {semester}</source>
        <translation>{date} · {semester}</translation>
    </message>
</context>
<context>
    <name>SlideDropDialog</name>
    <message>
        <source>Attach slides</source>
        <translation>添加幻灯片</translation>
    </message>
    <message>
        <source>Dropped file</source>
        <translation>拖入的文件</translation>
    </message>
    <message>
        <source>Attach to</source>
        <translation>添加到</translation>
    </message>
    <message>
        <source>File name in slides/</source>
        <translation>slides/ 中的文件名</translation>
    </message>
    <message>
        <source>The name of the copy in the site&apos;s slides/ folder</source>
        <translation>副本在站点 slides/ 文件夹中的名称</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>保存为(&amp;S)：</translation>
    </message>
    <message>
        <source>In the folder slides/</source>
        <translation>位于 slides/ 文件夹</translation>
    </message>
    <message>
        <source>Where the copy goes</source>
        <translation>副本的存放位置</translation>
    </message>
    <message>
        <source>Note on the file type</source>
        <translation>关于文件类型的提示</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>用于：</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>保留两者</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source> (saved as {name})</source>
        <translation>（保存为 {name}）</translation>
    </message>
    <message>
        <source>A new file in {folder}{renamed}</source>
        <translation>{folder} 中的新文件{renamed}</translation>
    </message>
    <message>
        <source>{folder} already has this file as {name}: it is linked, not copied again.</source>
        <translation>{folder} 中已有此文件（{name}）：将直接关联，不再复制。</translation>
    </message>
    <message>
        <source>{name} already exists with other content. Replace it (Undo puts it back), or keep both and save this one as {other}.</source>
        <translation>{name} 已存在且内容不同。替换它（可撤销），或者保留两者，并将此文件保存为 {other}。</translation>
    </message>
    <message>
        <source>Save as {name}</source>
        <translation>保存为 {name}</translation>
    </message>
</context>
<context>
    <name>SlideTargetDialog</name>
    <message>
        <source>Choose the topic</source>
        <translation>选择主题</translation>
    </message>
    <message>
        <source>Attach slides to…</source>
        <translation>将幻灯片添加到…</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Sessions and topics</source>
        <translation>讲次和主题</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
</context>
<context>
    <name>TopicForm</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. SOSP Rehearsal (optional)</source>
        <translation>例如 SOSP 试讲（可选）</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>论文(&amp;P)</translation>
    </message>
    <message>
        <source>Paper title</source>
        <translation>论文标题</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>Paper URL</source>
        <translation>论文 URL</translation>
    </message>
    <message>
        <source>V&amp;enue</source>
        <translation>会议(&amp;E)</translation>
    </message>
    <message>
        <source>Venue tag</source>
        <translation>会议标签</translation>
    </message>
    <message>
        <source>e.g. SOSP &apos;25</source>
        <translation>例如 SOSP &apos;25</translation>
    </message>
    <message>
        <source>&amp;Slides</source>
        <translation>幻灯片(&amp;S)</translation>
    </message>
    <message>
        <source>Slides path</source>
        <translation>幻灯片路径</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>录像(&amp;I)</translation>
    </message>
    <message>
        <source>Video URL</source>
        <translation>录像 URL</translation>
    </message>
    <message>
        <source>Use the venue tag the paper URL suggests</source>
        <translation>使用根据论文 URL 推断的会议标签</translation>
    </message>
    <message>
        <source>⚠ missing</source>
        <translation>⚠ 缺失</translation>
    </message>
    <message>
        <source>Slides file missing</source>
        <translation>幻灯片文件缺失</translation>
    </message>
    <message>
        <source>Slides file status</source>
        <translation>幻灯片文件状态</translation>
    </message>
    <message>
        <source>This session has no topics yet: add one with + above.</source>
        <translation>此讲次还没有主题：请用上方的 + 添加。</translation>
    </message>
    <message>
        <source>Topic {n}</source>
        <translation>主题 {n}</translation>
    </message>
    <message>
        <source>Links should start with https://</source>
        <translation>链接应以 https:// 开头</translation>
    </message>
    <message>
        <source>The paper URL suggests “{tag}”.</source>
        <translation>根据论文 URL，会议标签应为“{tag}”。</translation>
    </message>
    <message>
        <source>Use “{tag}”</source>
        <translation>使用“{tag}”</translation>
    </message>
    <message>
        <source>online link (not checked)</source>
        <translation>在线链接（未检查）</translation>
    </message>
    <message>
        <source>not checked: save the project first</source>
        <translation>未检查：请先保存项目</translation>
    </message>
    <message>
        <source>Slides are looked up next to the project file.</source>
        <translation>幻灯片在项目文件所在位置查找。</translation>
    </message>
    <message>
        <source>not checked: not a relative link</source>
        <translation>未检查：不是相对链接</translation>
    </message>
    <message>
        <source>✓ found</source>
        <translation>✓ 已找到</translation>
    </message>
    <message>
        <source>missing: no {name} in {folder}</source>
        <translation>缺失：{folder} 中没有 {name}</translation>
    </message>
    <message>
        <source>Looked for {path}</source>
        <translation>查找位置：{path}</translation>
    </message>
</context>
<context>
    <name>TopicsModel</name>
    <message>
        <source>Topic {n}</source>
        <translation>主题 {n}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>No paper chosen yet</source>
        <translation>尚未选定论文</translation>
    </message>
</context>
<context>
    <name>UpstreamReadmeDialog</name>
    <message>
        <source>README.md changed upstream</source>
        <translation>上游的 README.md 已更改</translation>
    </message>
    <message>
        <source>Someone changed README.md in the repository since this project last wrote it. Nothing was committed or pushed: publishing now would replace their change. Their change is below. Import their README into the project (one step, Edit › Undo takes it back), check it, then publish again.</source>
        <translation>自本项目上次写入 README.md 以来，有人在仓库中修改了它。没有提交或推送任何内容：现在发布会覆盖对方的更改。对方的更改如下。请将对方的 README 导入项目（只算一步，可用“编辑 › 撤销”撤回），检查后再重新发布。</translation>
    </message>
    <message>
        <source>The change made upstream</source>
        <translation>上游所做的更改</translation>
    </message>
    <message>
        <source>&amp;Import Their README</source>
        <translation>导入对方的 README(&amp;I)</translation>
    </message>
</context>
<context>
    <name>announce</name>
    <message>
        <source>the semester&apos;s title, e.g. 2025 Fall</source>
        <translation>学期标题，例如 2025 Fall</translation>
    </message>
    <message>
        <source>the session&apos;s date, e.g. Tuesday, November 25, 2025</source>
        <translation>讲次日期，例如 2025年11月25日 星期二</translation>
    </message>
    <message>
        <source>the semester&apos;s meeting time, e.g. 19:00-21:00</source>
        <translation>学期的例会时间，例如 19:00-21:00</translation>
    </message>
    <message>
        <source>the semester&apos;s room</source>
        <translation>学期的例会地点</translation>
    </message>
    <message>
        <source>the semester&apos;s online meeting link</source>
        <translation>学期的线上会议链接</translation>
    </message>
    <message>
        <source>each topic: paper with its link and venue, presenters, note</source>
        <translation>每个主题：论文及其链接和会议标签、报告人、备注</translation>
    </message>
    <message>
        <source>the papers with their links, one a line</source>
        <translation>论文及其链接，每行一篇</translation>
    </message>
    <message>
        <source>everyone presenting, lead first</source>
        <translation>所有报告人，主讲在前</translation>
    </message>
    <message>
        <source>unknown placeholder {name}; the template knows {known}</source>
        <translation>未知的占位符 {name}；模板可用的占位符有 {known}</translation>
    </message>
</context>
<context>
    <name>atomic</name>
    <message>
        <source>could not create a temporary file in {folder}</source>
        <translation>无法在 {folder} 中创建临时文件</translation>
    </message>
    <message>
        <source>the disk accepted no data</source>
        <translation>磁盘未写入任何数据</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>could not save: {reason}; check that the folder exists and is writable and that the disk is not full (the file on disk was not changed)</source>
        <translation>无法保存：{reason}；请检查文件夹是否存在且可写、磁盘是否已满（磁盘上的文件没有改动）</translation>
    </message>
    <message>
        <source>is not a regular file (a folder or a device), so it was not replaced; choose another file name</source>
        <translation>不是普通文件（而是文件夹或设备），因此没有替换它；请选择其他文件名</translation>
    </message>
    <message>
        <source>the file is read-only, so it was not replaced (nothing was changed); save to another file (Save As, or another -o), or make it writable (chmod u+w &apos;{name}&apos;) and save again</source>
        <translation>该文件是只读的，因此没有替换它（没有任何改动）；请保存到其他文件（另存为，或换一个 -o），或者将其设为可写（chmod u+w &apos;{name}&apos;）后再次保存</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{date}: {topics}</source>
        <translation>{date}：{topics}</translation>
    </message>
    <message>
        <source>(no paper chosen yet)</source>
        <translation>（尚未选定论文）</translation>
    </message>
    <message>
        <source>{name} (public holiday)</source>
        <translation>{name}（公共节假日）</translation>
    </message>
    <message>
        <source>{name} (break)</source>
        <translation>{name}（停会）</translation>
    </message>
    <message>
        <source>{d} is outside the term ({a} – {b})</source>
        <translation>{d}不在学期内（{a} – {b}）</translation>
    </message>
    <message>
        <source>{d} {y} is outside semester {t}</source>
        <translation>{y}年{d}不在学期 {t} 内</translation>
    </message>
    <message>
        <source>Outside the term</source>
        <translation>不在学期内</translation>
    </message>
    <message>
        <source>Swap with {d}</source>
        <translation>与{d}交换</translation>
    </message>
    <message>
        <source>Move here</source>
        <translation>移到此处</translation>
    </message>
    <message>
        <source>Move topic here</source>
        <translation>将主题移到此处</translation>
    </message>
    <message>
        <source>New session with this topic</source>
        <translation>用此主题新建讲次</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>outside the term</source>
        <translation>不在学期内</translation>
    </message>
    <message>
        <source>open meeting slot: no session this week</source>
        <translation>空档：本周没有讲次</translation>
    </message>
    <message>
        <source>{date}: outside the term</source>
        <translation>{date}：不在学期内</translation>
    </message>
    <message>
        <source>{date}: double-click to add a session</source>
        <translation>{date}：双击添加讲次</translation>
    </message>
    <message>
        <source>The group&apos;s meeting day</source>
        <translation>小组的例会日</translation>
    </message>
    <message>
        <source>{a} – {b}</source>
        <translation>{a} – {b}</translation>
    </message>
    <message>
        <source>Week {n}: {span}</source>
        <translation>第 {n} 周：{span}</translation>
    </message>
    <message>
        <source>Deleted the session of {d} (Undo brings it back)</source>
        <translation>已删除{d}的讲次（撤销可恢复）</translation>
    </message>
</context>
<context>
    <name>calendar_feed</name>
    <message>
        <source>iCalendar (*.ics);;All files (*)</source>
        <translation>iCalendar (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Could not write the calendar</source>
        <translation>无法写入日历</translation>
    </message>
    <message>
        <source>Wrote {path} ({n} sessions)</source>
        <translation>已写入 {path}（{n} 个讲次）</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>the site folder (of README.md and slides/) does not exist: choose it in File › Project Settings (in the project file: site_folder, relative to the file)</source>
        <translation>站点文件夹（README.md 和 slides/ 所在的文件夹）不存在：请在“文件 › 项目设置”中选择（在项目文件中为 site_folder，相对于该文件）</translation>
    </message>
    <message>
        <source>{count} slides links point into {folder}, which does not exist: add the slide files there, or, if README.md is in another folder, choose that folder in File › Project Settings (in the project file: site_folder)</source>
        <translation>有 {count} 个幻灯片链接指向 {folder}，但该文件夹不存在：请把幻灯片文件放到那里；如果 README.md 在其他文件夹中，请在“文件 › 项目设置”中选择该文件夹（在项目文件中为 site_folder）</translation>
    </message>
    <message>
        <source>no topic links to {file}: drop it on its session to link it, or delete it if it is not needed</source>
        <translation>没有主题链接到 {file}：把它拖放到对应的讲次上即可关联；如果不需要，请删除它</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{files} differ only in upper/lower case: on macOS and Windows they are one file, so a checkout of the repository there keeps only one of them; rename one (and correct the links to it)</source>
        <translation>{files} 仅大小写不同：在 macOS 和 Windows 上它们是同一个文件，在那里检出仓库时只会保留其中一个；请重命名其中一个（并更正指向它的链接）</translation>
    </message>
    <message>
        <source>slides link {link}: the file is named {name} (other upper/lower case); GitHub is case-sensitive, so the link is broken there: correct the link or rename the file</source>
        <translation>幻灯片链接 {link}：文件名是 {name}（大小写不同）；GitHub 区分大小写，因此该链接在 GitHub 上失效：请更正链接或重命名文件</translation>
    </message>
    <message>
        <source>slides link {link}: the file does not exist in {folder} (there is {name}: correct the link&apos;s upper/lower case)</source>
        <translation>幻灯片链接 {link}：{folder} 中没有该文件（但有 {name}：请更正链接的大小写）</translation>
    </message>
    <message>
        <source>slides link {link}: the file does not exist in {folder}; add it before the session (until then the link is broken on GitHub)</source>
        <translation>幻灯片链接 {link}：{folder} 中没有该文件；请在讲次之前添加（在此之前该链接在 GitHub 上失效）</translation>
    </message>
    <message>
        <source>slides link {link}: the file does not exist in {folder}; drop the slides on this topic to file them there, or correct the link</source>
        <translation>幻灯片链接 {link}：{folder} 中没有该文件；请把幻灯片拖放到此主题上，即可存入该文件夹，或者更正链接</translation>
    </message>
    <message>
        <source>two sessions are on {day}: the README would show two &apos;### {heading}&apos; headings; move one session to another date, or move its topics into the other session and delete it</source>
        <translation>{day}有两个讲次：README 中会出现两个 &apos;### {heading}&apos; 标题；请将其中一个讲次移到其他日期，或把它的主题移到另一个讲次后删除它</translation>
    </message>
    <message>
        <source>{day} is a {weekday}; the group meets on {usual}s: check the date if this is not a special meeting</source>
        <translation>{day}是{weekday}，而小组通常在{usual}聚会：如果这不是特别安排的聚会，请检查日期</translation>
    </message>
    <message>
        <source>the session on {day} has no topics: add a topic, or delete the session</source>
        <translation>{day}的讲次没有主题：请添加主题，或删除该讲次</translation>
    </message>
    <message>
        <source>paper link</source>
        <translation>论文链接</translation>
    </message>
    <message>
        <source>video link</source>
        <translation>录像链接</translation>
    </message>
    <message>
        <source>slides link {link} only works on this computer: put the file in the site&apos;s slides folder and link it relatively (like ./slides/251125-Name.pdf), or use an https:// link</source>
        <translation>幻灯片链接 {link} 只在这台电脑上有效：请把文件放入站点的 slides 文件夹并使用相对链接（如 ./slides/251125-Name.pdf），或者使用 https:// 链接</translation>
    </message>
    <message>
        <source>venue tag missing; the URL suggests [{venue}]: type {venue} as the paper&apos;s venue tag</source>
        <translation>缺少会议标签；根据 URL 应为 [{venue}]：请将 {venue} 填为论文的会议标签</translation>
    </message>
    <message>
        <source>the venue tag says [{venue}] but the link goes to arXiv: fine if it is the arXiv version of the {venue} paper; otherwise correct the tag</source>
        <translation>会议标签为 [{venue}]，但链接指向 arXiv：如果这是该 {venue} 论文的 arXiv 版本，则没有问题；否则请更正标签</translation>
    </message>
    <message>
        <source>the venue tag says [{venue}] but the paper&apos;s link points to {inferred}: correct the tag or the link</source>
        <translation>会议标签为 [{venue}]，但论文链接指向 {inferred}：请更正标签或链接</translation>
    </message>
    <message>
        <source>{what} {link} is not a web address: it must start with https:// or http://</source>
        <translation>{what} {link} 不是网址：必须以 https:// 或 http:// 开头</translation>
    </message>
    <message>
        <source>{what} {link} is not a web address: it must start with https:// or http:// (did you mean https://{url}?)</source>
        <translation>{what} {link} 不是网址：必须以 https:// 或 http:// 开头（你是不是想写 https://{url}？）</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>already exists; importing would replace it. Choose another -o file or add --force</source>
        <translation>已存在；导入会替换它。请用 -o 指定其他文件，或加上 --force</translation>
    </message>
    <message>
        <source>filled {count} venue tag(s) from paper URLs</source>
        <translation>已根据论文 URL 填写 {count} 个会议标签</translation>
    </message>
    <message>
        <source>{semesters} semester(s), {sessions} session(s)</source>
        <translation>{semesters} 个学期，{sessions} 个讲次</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s)</source>
        <translation>{errors} 个错误，{warnings} 个警告</translation>
    </message>
    <message>
        <source>{count} event(s), one per session</source>
        <translation>{count} 个事件，每个讲次一个</translation>
    </message>
    <message>
        <source>unknown time zone {timezone}: give an IANA name such as Asia/Shanghai</source>
        <translation>未知时区 {timezone}：请给出 IANA 时区名，如 Asia/Shanghai</translation>
    </message>
    <message>
        <source>a reminder is minutes before the event: {minutes}</source>
        <translation>提醒须为事件开始前的分钟数（不能为负）：{minutes}</translation>
    </message>
    <message>
        <source>no semester {semester} in the project</source>
        <translation>项目中没有学期 {semester}</translation>
    </message>
    <message>
        <source>no session on {date}</source>
        <translation>{date} 没有讲次</translation>
    </message>
    <message>
        <source>no session on or after {date}; name one with --date YYYY-MM-DD</source>
        <translation>{date} 及之后没有讲次；请用 --date YYYY-MM-DD 指定一个</translation>
    </message>
    <message>
        <source>linked as slides, but the file does not exist; add it or remove the link (nothing was committed)</source>
        <translation>已作为幻灯片关联，但文件不存在；请添加该文件或删除链接（未提交任何内容）</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>Swap sessions {a} and {b}</source>
        <translation>交换{a}和{b}的讲次</translation>
    </message>
    <message>
        <source>Swapped the sessions of {a} and {b}</source>
        <translation>已交换{a}和{b}的讲次</translation>
    </message>
    <message>
        <source>Move session to {d}</source>
        <translation>将讲次移到{d}</translation>
    </message>
    <message>
        <source>Moved the session of {a} to {b}</source>
        <translation>已将{a}的讲次移到{b}</translation>
    </message>
    <message>
        <source>Add session on {d}</source>
        <translation>在{d}添加讲次</translation>
    </message>
    <message>
        <source>Delete session {d}</source>
        <translation>删除{d}的讲次</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>topic heading</source>
        <translation>主题标题</translation>
    </message>
    <message>
        <source>slides link</source>
        <translation>幻灯片链接</translation>
    </message>
    <message>
        <source>video link</source>
        <translation>录像链接</translation>
    </message>
    <message>
        <source>presenters</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>paper title</source>
        <translation>论文标题</translation>
    </message>
    <message>
        <source>paper URL</source>
        <translation>论文 URL</translation>
    </message>
    <message>
        <source>venue tag</source>
        <translation>会议标签</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>编辑{field}</translation>
    </message>
    <message>
        <source>Add topic</source>
        <translation>添加主题</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Delete topic “{name}”</source>
        <translation>删除主题“{name}”</translation>
    </message>
    <message>
        <source>Reorder topics of {d}</source>
        <translation>调整{d}的主题顺序</translation>
    </message>
    <message>
        <source>Move topic “{name}” to {d}</source>
        <translation>将主题“{name}”移到{d}</translation>
    </message>
    <message>
        <source>Moved “{name}” from {a} to {b}</source>
        <translation>已将“{name}”从{a}移到{b}</translation>
    </message>
    <message>
        <source>Moved “{name}” from {a} to a new session on {b}</source>
        <translation>已将“{name}”从{a}移到{b}的新讲次</translation>
    </message>
    <message>
        <source>Filed {name} under slides/ for {target}</source>
        <translation>已将 {name} 存入 slides/，关联到 {target}</translation>
    </message>
    <message>
        <source>{name} was already in slides/: linked it for {target}</source>
        <translation>{name} 已在 slides/ 中：已将其关联到 {target}</translation>
    </message>
    <message>
        <source>Attach slides {name}</source>
        <translation>添加幻灯片 {name}</translation>
    </message>
    <message>
        <source>The link was removed, but: {e}</source>
        <translation>链接已移除，但是：{e}</translation>
    </message>
    <message>
        <source>The slides link is back, but the file could not be copied again: {e}</source>
        <translation>幻灯片链接已恢复，但文件未能重新复制：{e}</translation>
    </message>
    <message>
        <source>New semester {t}</source>
        <translation>新建学期 {t}</translation>
    </message>
    <message>
        <source>Edit semester settings</source>
        <translation>编辑学期设置</translation>
    </message>
    <message>
        <source>Change project settings</source>
        <translation>更改项目设置</translation>
    </message>
    <message>
        <source>Change announcement template</source>
        <translation>更改通知模板</translation>
    </message>
    <message>
        <source>Fill In Paper Details</source>
        <translation>填入论文信息</translation>
    </message>
    <message>
        <source>Added {n} sessions on the open meeting days</source>
        <translation>已在空档的例会日添加 {n} 个讲次</translation>
    </message>
    <message>
        <source>Fill open slots</source>
        <translation>填充空档</translation>
    </message>
    <message>
        <source>Import Upstream README</source>
        <translation>导入上游 README</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>MMM d</source>
        <comment>Nov 25</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>ddd MMM d</source>
        <comment>Tue Nov 25</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <comment>Tuesday, November 25</comment>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>{month} {day}</source>
        <translation>{month}{day}日</translation>
    </message>
    <message>
        <source>{month} {day} {year}</source>
        <translation>{year}年{month}{day}日</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <comment>Tue 25 Nov 2025</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
</context>
<context>
    <name>edits</name>
    <message>
        <source>{date} is outside semester {semester}; a session can only move within its semester</source>
        <translation>{date}不在学期 {semester} 内；讲次只能在所属学期内移动</translation>
    </message>
    <message>
        <source>there is already a session on {date}</source>
        <translation>{date}已有讲次</translation>
    </message>
    <message>
        <source>{date} is outside semester {semester}: {reason}</source>
        <translation>{date} 不在学期 {semester} 内：{reason}</translation>
    </message>
    <message>
        <source>semester {semester} already exists</source>
        <translation>学期 {semester} 已存在</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>line {line}:{column}</source>
        <translation>第 {line} 行第 {column} 列</translation>
    </message>
    <message>
        <source>{where} ({field})</source>
        <translation>{where}（{field}）</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>{reason}; check its name and folder and that you may read it</source>
        <translation>{reason}；请检查文件名和所在文件夹，以及你是否有读取权限</translation>
    </message>
    <message>
        <source>it is {kind}, not a file; check its name and folder and that you may read it</source>
        <translation>它是{kind}，不是文件；请检查文件名和所在文件夹，以及你是否有读取权限</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>it is {size}, and seminar-gui reads at most {most}; is it the right file? (A longer schedule can be split: keep old semesters in another file)</source>
        <translation>文件大小为 {size}，而 seminar-gui 最多读取 {most}；文件选对了吗？（较长的日程可以拆分：把旧学期放到另一个文件中）</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} kB</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} 字节</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>{what} must be on one line (it contains a line break)</source>
        <translation>{what}必须写在一行内（其中含有换行）</translation>
    </message>
    <message>
        <source>{what} leaves a code block or HTML comment open; add a line {closer} after it, or it swallows the rest of the README</source>
        <translation>{what}中有未闭合的代码块或 HTML 注释；请在其后添加一行 {closer}，否则它会吞掉 README 的其余部分</translation>
    </message>
    <message>
        <source>{what} must not contain spaces: {value}</source>
        <translation>{what}不能包含空格：{value}</translation>
    </message>
    <message>
        <source>{what} has unbalanced parentheses: {value}</source>
        <translation>{what}中的括号不配对：{value}</translation>
    </message>
    <message>
        <source>{what} must be one of {choices}</source>
        <translation>{what}必须是以下之一：{choices}</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>{name} (on disk)</source>
        <translation>{name}（磁盘上）</translation>
    </message>
    <message>
        <source>{name} (exported)</source>
        <translation>{name}（导出后）</translation>
    </message>
</context>
<context>
    <name>git</name>
    <message>
        <source>the git command was not found; install Git (https://git-scm.com) and try again</source>
        <translation>找不到 git 命令；请安装 Git（https://git-scm.com）后重试</translation>
    </message>
    <message>
        <source>git {command} did not finish within {seconds} seconds and was stopped; check the network (or a hook that waits), then try again</source>
        <translation>git {command} 未在 {seconds} 秒内完成，已被终止；请检查网络（或是否有钩子在等待），然后重试</translation>
    </message>
    <message>
        <source>git {command} failed: {reason}</source>
        <translation>git {command} 失败：{reason}</translation>
    </message>
    <message>
        <source>git {command} could not reach the remote: {reason}; check the network and the remote&apos;s address, then try again</source>
        <translation>git {command} 无法连接远程仓库：{reason}；请检查网络和远程仓库的地址，然后重试</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Calendar: move the selection by a day or a week</source>
        <translation>日历：将选择移动一天或一周</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Calendar: edit the selected session</source>
        <translation>日历：编辑所选讲次</translation>
    </message>
    <message>
        <source>Ctrl+Up / Ctrl+Down</source>
        <translation>Ctrl+Up / Ctrl+Down</translation>
    </message>
    <message>
        <source>Calendar: move the session a week earlier / later</source>
        <translation>日历：将讲次提前/推后一周</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Calendar: delete the selected session (Undo brings it back)</source>
        <translation>日历：删除所选讲次（撤销可恢复）</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Calendar: add a session on a free date</source>
        <translation>日历：在空闲日期添加讲次</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Calendar: move a session or a topic (onto a session: swap)</source>
        <translation>日历：移动讲次或主题（拖到另一讲次上：交换）</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>The README Format</source>
        <translation>README 格式</translation>
    </message>
    <message>
        <source>The README format</source>
        <translation>README 格式</translation>
    </message>
    <message>
        <source>Plan a reading group&apos;s semester and publish it as a GitHub README.</source>
        <translation>规划读书会的学期日程，并发布为 GitHub README。</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>许可证：{licence}</translation>
    </message>
    <message>
        <source>Settings (recent files, window layout): {folder}</source>
        <translation>设置（最近文件、窗口布局）：{folder}</translation>
    </message>
    <message>
        <source>Unsaved work for recovery after a crash: {folder}</source>
        <translation>崩溃后用于恢复的未保存工作：{folder}</translation>
    </message>
    <message>
        <source>About seminar-gui</source>
        <translation>关于 seminar-gui</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>code block or HTML comment never closed; closed it at the end</source>
        <translation>代码块或 HTML 注释没有闭合；已在末尾将其闭合</translation>
    </message>
    <message>
        <source>semester heading &apos;{heading}&apos;: a year starting with 0 is not a year; write it like &apos;# 2025 {season}&apos; and import again</source>
        <translation>学期标题 &apos;{heading}&apos;：以 0 开头的年份无效；请写成 &apos;# 2025 {season}&apos; 的形式后重新导入</translation>
    </message>
    <message>
        <source>no semester heading found: the schedule starts with a line like &apos;# 2025 Fall&apos;; add one above the sessions and import again</source>
        <translation>未找到学期标题：日程应以 &apos;# 2025 Fall&apos; 这样的行开头；请在讲次上方添加一行后重新导入</translation>
    </message>
    <message>
        <source>semester &apos;{title}&apos; appears twice (first at line {first}); merge the two into one and import again</source>
        <translation>学期 &apos;{title}&apos; 出现了两次（第一次在第 {first} 行）；请将两者合并后重新导入</translation>
    </message>
    <message>
        <source>semester title &apos;{heading}&apos; will be written as &apos;{title}&apos;</source>
        <translation>学期标题 &apos;{heading}&apos; 将写为 &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>second &apos;## Schedule&apos; heading; its sessions join the first</source>
        <translation>第二个 &apos;## Schedule&apos; 标题；其中的讲次并入第一个</translation>
    </message>
    <message>
        <source>heading &apos;{heading}&apos; is kept as a free section</source>
        <translation>标题 &apos;{heading}&apos; 作为自由章节保留</translation>
    </message>
    <message>
        <source>date &apos;{heading}&apos; is not in semester {semester} (the README writes dates without a year); kept as text</source>
        <translation>日期 &apos;{heading}&apos; 不在学期 {semester} 内（README 中的日期不含年份）；按文本保留</translation>
    </message>
    <message>
        <source>date &apos;{heading}&apos; read as {date}</source>
        <translation>日期 &apos;{heading}&apos; 读作 {date}</translation>
    </message>
    <message>
        <source>no &apos;## Schedule&apos; heading; it will be added</source>
        <translation>没有 &apos;## Schedule&apos; 标题；将自动添加</translation>
    </message>
    <message>
        <source>heading &apos;{heading}&apos; is not a date; kept as text</source>
        <translation>标题 &apos;{heading}&apos; 不是日期；按文本保留</translation>
    </message>
    <message>
        <source>text not understood; kept where it stands</source>
        <translation>无法识别的文本；保留在原处</translation>
    </message>
    <message>
        <source>line not understood; kept where it stands</source>
        <translation>无法识别的行；保留在原处</translation>
    </message>
    <message>
        <source>a second {kind} line in one session: read as a new topic</source>
        <translation>同一讲次中出现第二个{kind}行：作为新主题读取</translation>
    </message>
    <message>
        <source>second {kind} line in one topic; kept as text</source>
        <translation>同一主题中出现第二个{kind}行；按文本保留</translation>
    </message>
    <message>
        <source>marker &apos;{marker}&apos; was garbled by an old encoding mix-up and could not be restored; its place in the topic says it is the {kind} line, so it is read as one and written with the usual marker</source>
        <translation>标记 &apos;{marker}&apos; 因以前的编码混乱而损坏，无法恢复；从它在主题中的位置看，这是{kind}行，因此照此读取，并以常用标记写出</translation>
    </message>
    <message>
        <source>{kind} line kept as text: {reason}</source>
        <translation>{kind}行按文本保留：{reason}</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>presenters</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>materials</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>slides link</source>
        <translation>幻灯片链接</translation>
    </message>
    <message>
        <source>video link</source>
        <translation>录像链接</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {byte} at offset {offset}); save the README as UTF-8 and import it again</source>
        <translation>不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）；请将 README 保存为 UTF-8 后重新导入</translation>
    </message>
    <message>
        <source>cannot read the README: {reason}</source>
        <translation>无法读取 README：{reason}</translation>
    </message>
    <message>
        <source>cannot import the README: {reason}</source>
        <translation>无法导入 README：{reason}</translation>
    </message>
    <message>
        <source>cannot import the README: it has {count} lines, and seminar-gui reads at most {most} (a 36-year schedule has about 13,000); is it the right file? (A longer schedule can be split: keep old semesters in another file)</source>
        <translation>无法导入 README：它有 {count} 行，而 seminar-gui 最多读取 {most} 行（36 年的日程约有 13,000 行）；文件选对了吗？（较长的日程可以拆分：把旧学期放到另一个文件中）</translation>
    </message>
    <message>
        <source>repaired mojibake (UTF-8 read as Windows-1252) on {count} lines: {lines}</source>
        <translation>已修复 {count} 行乱码（UTF-8 被当作 Windows-1252 读取）：{lines}</translation>
    </message>
    <message>
        <source>{message} (also lines {lines})</source>
        <translation>{message}（另见第 {lines} 行）</translation>
    </message>
</context>
<context>
    <name>json_errors</name>
    <message>
        <source>restore {backup} (kept by the previous save)</source>
        <translation>恢复 {backup}（上次保存时留下的备份）</translation>
    </message>
    <message>
        <source>restore an earlier version from Git or your backups</source>
        <translation>从 Git 或你的备份中恢复较早的版本</translation>
    </message>
    <message>
        <source>{problem}; fix it in a text editor, or {restore}</source>
        <translation>{problem}；请在文本编辑器中修正，或者{restore}</translation>
    </message>
    <message>
        <source>a number of {digits} digits: no value in a project file is that long; fix it in a text editor, or {restore}</source>
        <translation>一个 {digits} 位的数字：项目文件中没有这么长的值；请在文本编辑器中修正，或者{restore}</translation>
    </message>
    <message>
        <source>a &apos;:&apos; is missing between a name and its value</source>
        <translation>名称与值之间缺少 &apos;:&apos;</translation>
    </message>
    <message>
        <source>expected a name in double quotes, like &quot;title&quot;: names need double quotes</source>
        <translation>此处应为带双引号的名称，如 &quot;title&quot;：名称必须用双引号括起来</translation>
    </message>
    <message>
        <source>expected a value: text goes in double quotes (&quot;...&quot;); other values are numbers, true, false, null, {{...}} or [...]</source>
        <translation>此处应为一个值：文本要放在双引号中（&quot;...&quot;）；其他值可以是数字、true、false、null、{{...}} 或 [...]</translation>
    </message>
    <message>
        <source>there is more text after the end of the data (the last &apos;}}&apos;): remove it</source>
        <translation>数据结束（最后一个 &apos;}}&apos;）之后还有多余的文本：请删除</translation>
    </message>
    <message>
        <source>a text contains a line break or tab: write \n or \t</source>
        <translation>文本中含有换行符或制表符：请写成 \n 或 \t</translation>
    </message>
    <message>
        <source>a backslash in a text must be followed by n, t, &quot;, / or \: write \\ for one</source>
        <translation>文本中的反斜杠后面必须是 n、t、&quot;、/ 或 \：要表示一个反斜杠，请写 \\</translation>
    </message>
    <message>
        <source>the file is empty; {restore}</source>
        <translation>文件是空的；请{restore}</translation>
    </message>
    <message>
        <source>the file ends in the middle of the data; it may be truncated — {restore}</source>
        <translation>文件在数据中途结束，可能已被截断——请{restore}</translation>
    </message>
    <message>
        <source>a comma is missing between two items, probably at the end of line {line}</source>
        <translation>两个项目之间缺少逗号，可能在第 {line} 行末尾</translation>
    </message>
    <message>
        <source>remove the comma before &apos;{bracket}&apos; (JSON allows none after the last item)</source>
        <translation>请删除 &apos;{bracket}&apos; 前面的逗号（JSON 不允许在最后一项后面加逗号）</translation>
    </message>
    <message>
        <source>{context}: {problem}</source>
        <translation>{context}：{problem}</translation>
    </message>
    <message>
        <source>{problem} (1 of {count} problems; the others are at {others}); fix it in a text editor, or {restore}</source>
        <translation>{problem}（共 {count} 个问题，其余位于 {others}）；请在文本编辑器中修正，或者{restore}</translation>
    </message>
    <message>
        <source>{problem} (1 of {count} problems; the others are at {others}; ...); fix it in a text editor, or {restore}</source>
        <translation>{problem}（共 {count} 个问题，其余位于 {others} 等处）；请在文本编辑器中修正，或者{restore}</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>{field} (the name)</source>
        <translation>{field}（名称）</translation>
    </message>
    <message>
        <source>the data is nested too deeply ([ or {{ about 200 levels deep), so this is not a seminar-gui project file</source>
        <translation>数据嵌套过深（[ 或 {{ 约 200 层），因此这不是 seminar-gui 项目文件</translation>
    </message>
    <message>
        <source>a \uD800-\uDFFF escape is half of a character (a lone UTF-16 surrogate), which a text cannot hold: remove it, or write the whole character</source>
        <translation>\uD800-\uDFFF 转义只是半个字符（单独的 UTF-16 代理项），文本中不能包含它：请删除，或写出完整的字符</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <source>{field} is missing</source>
        <translation>缺少 {field}</translation>
    </message>
    <message>
        <source>unknown field {field}: remove it or correct its spelling</source>
        <translation>未知字段 {field}：请删除或更正拼写</translation>
    </message>
    <message>
        <source>{problem} (found {found})</source>
        <translation>{problem}（实际为 {found}）</translation>
    </message>
    <message>
        <source>an object {{...}}</source>
        <translation>对象 {{...}}</translation>
    </message>
    <message>
        <source>a list [...]</source>
        <translation>列表 [...]</translation>
    </message>
    <message>
        <source>semester {name}</source>
        <translation>学期 {name}</translation>
    </message>
    <message>
        <source>session {name}</source>
        <translation>讲次 {name}</translation>
    </message>
    <message>
        <source>topic {number}</source>
        <translation>主题 {number}</translation>
    </message>
    <message>
        <source>section {name}</source>
        <translation>章节 {name}</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>进程 {pid}</translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <source>{service} did not answer within {seconds} s</source>
        <translation>{service} 在 {seconds} 秒内没有响应</translation>
    </message>
    <message>
        <source>{service} could not be reached ({reason})</source>
        <translation>无法连接 {service}（{reason}）</translation>
    </message>
    <message>
        <source>{service} answered with an error (HTTP {status})</source>
        <translation>{service} 返回了错误（HTTP {status}）</translation>
    </message>
    <message>
        <source>{service} does not know {id}</source>
        <translation>{service} 中查不到 {id}</translation>
    </message>
    <message>
        <source>{service} sent an answer seminar-gui cannot read</source>
        <translation>{service} 返回的内容 seminar-gui 无法读取</translation>
    </message>
    <message>
        <source>{service} sent more than {size} bytes</source>
        <translation>{service} 返回的内容超过 {size} 字节</translation>
    </message>
</context>
<context>
    <name>migrations</name>
    <message>
        <source>cannot upgrade the file from schema_version {version} to {next}: this version of seminar-gui has no upgrade for it; open it with the version that wrote it, or report this as a bug</source>
        <translation>无法将文件从 schema_version {version} 升级到 {next}：此版本的 seminar-gui 没有相应的升级步骤；请用写入该文件的版本打开，或将此问题作为 bug 报告</translation>
    </message>
    <message>
        <source>cannot upgrade the file from schema_version {version} to {next} ({error}); the file may have been edited by hand: fix it, or restore a backup</source>
        <translation>无法将文件从 schema_version {version} 升级到 {next}（{error}）；文件可能被手动编辑过：请修正它，或恢复备份</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>presenter name</source>
        <translation>报告人姓名</translation>
    </message>
    <message>
        <source>affiliation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>paper title</source>
        <translation>论文标题</translation>
    </message>
    <message>
        <source>paper URL</source>
        <translation>论文 URL</translation>
    </message>
    <message>
        <source>venue tag</source>
        <translation>会议标签</translation>
    </message>
    <message>
        <source>topic heading</source>
        <translation>主题标题</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>slides link</source>
        <translation>幻灯片链接</translation>
    </message>
    <message>
        <source>video link</source>
        <translation>录像链接</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>kept text</source>
        <translation>保留的文本</translation>
    </message>
    <message>
        <source>session text</source>
        <translation>讲次文本</translation>
    </message>
    <message>
        <source>section heading</source>
        <translation>章节标题</translation>
    </message>
    <message>
        <source>section text</source>
        <translation>章节文本</translation>
    </message>
    <message>
        <source>semester title</source>
        <translation>学期标题</translation>
    </message>
    <message>
        <source>semester text</source>
        <translation>学期文本</translation>
    </message>
    <message>
        <source>text before the first semester</source>
        <translation>第一个学期之前的文本</translation>
    </message>
    <message>
        <source>author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>meeting time</source>
        <translation>例会时间</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>online link</source>
        <translation>线上会议链接</translation>
    </message>
    <message>
        <source>break name</source>
        <translation>停会名称</translation>
    </message>
    <message>
        <source>announcement template</source>
        <translation>通知模板</translation>
    </message>
    <message>
        <source>meeting time {time} is not like 19:00 or 19:00-21:00 (24-hour clock)</source>
        <translation>例会时间 {time} 不符合 19:00 或 19:00-21:00 的格式（24 小时制）</translation>
    </message>
    <message>
        <source>break {name}: its first day {first} is after its last day {last}</source>
        <translation>停会 {name}：开始日期 {first} 晚于结束日期 {last}</translation>
    </message>
    <message>
        <source>holiday country {country} is not a two-letter country code such as CN or US (empty: no public holidays)</source>
        <translation>节假日国家 {country} 不是两个字母的国家代码，如 CN 或 US（留空：不显示公共节假日）</translation>
    </message>
    <message>
        <source>presenter name is empty: type a name or remove the row</source>
        <translation>报告人姓名为空：请输入姓名或删除该行</translation>
    </message>
    <message>
        <source>presenter name {name} would be read back as several people or with an affiliation: names cannot contain commas, parentheses or &apos; and &apos;; put each person in a row of their own</source>
        <translation>报告人姓名 {name} 会被读回为多个人或带单位的姓名：姓名不能包含逗号、括号或 &apos; and &apos;；请每人各占一行</translation>
    </message>
    <message>
        <source>affiliation {affiliation} cannot contain parentheses</source>
        <translation>单位 {affiliation} 不能包含括号</translation>
    </message>
    <message>
        <source>{what} {link} is not a valid address ({reason}); correct it</source>
        <translation>{what} {link} 不是有效的地址（{reason}）；请更正</translation>
    </message>
    <message>
        <source>{what} {link}… names a file of {size} bytes; file names have at most 255: shorten it</source>
        <translation>{what} {link}… 中的文件名长 {size} 字节，而文件名最多 255 字节：请缩短</translation>
    </message>
    <message>
        <source>venue tag {venue} cannot contain square brackets</source>
        <translation>会议标签 {venue} 不能包含方括号</translation>
    </message>
    <message>
        <source>venue tag {venue}… is longer than 40 characters; shorten it</source>
        <translation>会议标签 {venue}… 超过 40 个字符；请缩短</translation>
    </message>
    <message>
        <source>paper has a URL but no title: type the title</source>
        <translation>论文有 URL 但没有标题：请输入标题</translation>
    </message>
    <message>
        <source>paper title {title} cannot be written unambiguously: a title without a link must not start with &apos;[...]&apos; (write &apos;\[&apos; instead), and brackets in a linked title must be balanced</source>
        <translation>论文标题 {title} 无法无歧义地写出：没有链接的标题不能以 &apos;[...]&apos; 开头（请改写为 &apos;\[&apos;），带链接的标题中的方括号必须配对</translation>
    </message>
    <message>
        <source>&apos;# {heading}&apos; would start a new semester; use &apos;##&apos;</source>
        <translation>&apos;# {heading}&apos; 会开始一个新学期；请使用 &apos;##&apos;</translation>
    </message>
    <message>
        <source>&apos;## Schedule&apos; is where the sessions go; choose another heading</source>
        <translation>&apos;## Schedule&apos; 是放置讲次的位置；请选择其他标题</translation>
    </message>
    <message>
        <source>semester title {title} is not like &apos;2025 Fall&apos; (year and season)</source>
        <translation>学期标题 {title} 不符合 &apos;2025 Fall&apos; 的格式（年份和季节）</translation>
    </message>
    <message>
        <source>semester title {title}: a year starting with 0 is not a year; write it like &apos;2025 {season}&apos;</source>
        <translation>学期标题 {title}：以 0 开头的年份无效；请写成 &apos;2025 {season}&apos; 的形式</translation>
    </message>
    <message>
        <source>session {date} does not belong to semester {semester}: the README writes dates without a year, so it would be read back as {readback}; move it or put it in the right semester</source>
        <translation>讲次 {date} 不属于学期 {semester}：README 中的日期不含年份，因此它会被读回为 {readback}；请移动它，或把它放入正确的学期</translation>
    </message>
    <message>
        <source>an invalid date</source>
        <translation>无效日期</translation>
    </message>
    <message>
        <source>the term&apos;s first day {first} is after its last day {last}</source>
        <translation>学期的开始日期 {first} 晚于结束日期 {last}</translation>
    </message>
    <message>
        <source>semester {semester} appears twice; merge the two into one</source>
        <translation>学期 {semester} 出现了两次；请将两者合并</translation>
    </message>
    <message>
        <source>id {id} is used twice; ids must be unique</source>
        <translation>id {id} 被使用了两次；id 必须唯一</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>the session on {day} is on a public holiday ({name}): move it to another week, unless the group meets anyway</source>
        <translation>{day}的讲次在公共节假日（{name}）：请移到其他周，除非小组照常聚会</translation>
    </message>
    <message>
        <source>the session on {day} is in the break {name}: move it to another week, or change the break in Semester Settings</source>
        <translation>{day}的讲次在停会“{name}”期间：请移到其他周，或在“学期设置”中修改停会</translation>
    </message>
    <message>
        <source>semester {semester} has no open meeting slots to fill (every meeting day has a session, a holiday or a break)</source>
        <translation>学期 {semester} 没有可填充的空档（每个例会日都已有讲次、节假日或停会）</translation>
    </message>
    <message>
        <source>semester {semester} has no meeting day yet: set it in Semester Settings</source>
        <translation>学期 {semester} 还没有例会日：请在“学期设置”中设置</translation>
    </message>
</context>
<context>
    <name>problem</name>
    <message>
        <source>Topic {number}</source>
        <translation>主题 {number}</translation>
    </message>
    <message>
        <source>{semester} › {date}</source>
        <translation>{semester} › {date}</translation>
    </message>
    <message>
        <source>{semester} › {date} › {topic}</source>
        <translation>{semester} › {date} › {topic}</translation>
    </message>
</context>
<context>
    <name>project_settings</name>
    <message>
        <source>Each session: one SOSP/OSDI paper and one arXiv paper</source>
        <translation>每个讲次：一篇 SOSP/OSDI 论文和一篇 arXiv 论文</translation>
    </message>
    <message>
        <source>By the papers&apos; venue tags; a session whose topic has a note (such as &apos;SOSP Rehearsal&apos; or &apos;Kick-off&apos;) is special and exempt</source>
        <translation>依据论文的会议标签；主题带备注（如 &apos;SOSP Rehearsal&apos; 或 &apos;Kick-off&apos;）的讲次是特别讲次，不受此限</translation>
    </message>
    <message>
        <source>Every topic has a lead presenter</source>
        <translation>每个主题都有主讲人</translation>
    </message>
    <message>
        <source>The first presenter of a topic leads it</source>
        <translation>主题的第一位报告人为主讲</translation>
    </message>
    <message>
        <source>No paper is presented twice</source>
        <translation>同一篇论文不讲两次</translation>
    </message>
    <message>
        <source>Compared across all semesters: the same arXiv id, DOI, link or title</source>
        <translation>在所有学期间比较：相同的 arXiv id、DOI、链接或标题</translation>
    </message>
    <message>
        <source>Past sessions have slides and a video</source>
        <translation>已结束的讲次有幻灯片和录像</translation>
    </message>
    <message>
        <source>A note for each paper of a session that is over without them</source>
        <translation>已结束讲次中缺少它们的每篇论文，各给一条提示</translation>
    </message>
    <message>
        <source>Nobody leads in two sessions in a row</source>
        <translation>没有人连续两个讲次担任主讲</translation>
    </message>
    <message>
        <source>Within a semester, in date order</source>
        <translation>在同一学期内，按日期顺序</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Site folder: the folder of README.md</source>
        <translation>站点文件夹：README.md 所在的文件夹</translation>
    </message>
    <message>
        <source>Site folder</source>
        <translation>站点文件夹</translation>
    </message>
    <message>
        <source>(the project file&apos;s folder)</source>
        <translation>（项目文件所在的文件夹）</translation>
    </message>
    <message>
        <source>The folder of README.md and slides/, relative to the project file</source>
        <translation>README.md 和 slides/ 所在的文件夹，相对于项目文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the site folder</source>
        <translation>选择站点文件夹</translation>
    </message>
    <message>
        <source>Where the site folder is</source>
        <translation>站点文件夹的位置</translation>
    </message>
    <message>
        <source>Site folder problem</source>
        <translation>站点文件夹问题</translation>
    </message>
    <message>
        <source>Slide file name pattern</source>
        <translation>幻灯片文件名模式</translation>
    </message>
    <message>
        <source>{yymmdd} or {yyyymmdd}: the session&apos;s date; {short}: the paper&apos;s short name</source>
        <translation>{yymmdd} 或 {yyyymmdd}：讲次日期；{short}：论文简称</translation>
    </message>
    <message>
        <source>Example slide file name</source>
        <translation>幻灯片文件名示例</translation>
    </message>
    <message>
        <source>Slide file name pattern problem</source>
        <translation>幻灯片文件名模式问题</translation>
    </message>
    <message>
        <source>Write the papers&apos; &amp;authors in the README</source>
        <translation>在 README 中写出论文作者(&amp;A)</translation>
    </message>
    <message>
        <source>After each linked paper title: — *A, B* (authors come from the paper look-up)</source>
        <translation>写在每个带链接的论文标题之后：— *A, B*（作者来自论文查询）</translation>
    </message>
    <message>
        <source>&amp;Site folder:</source>
        <translation>站点文件夹(&amp;S)：</translation>
    </message>
    <message>
        <source>Slide &amp;file names:</source>
        <translation>幻灯片文件名(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>publish</name>
    <message>
        <source>the site folder {folder} is not in a Git repository; make one with git init there, or clone the group&apos;s repository and make its folder the site folder</source>
        <translation>站点文件夹 {folder} 不在 Git 仓库中；请在该文件夹中用 git init 创建仓库，或克隆小组的仓库并将其文件夹设为站点文件夹</translation>
    </message>
    <message>
        <source>the site folder {folder} does not exist; set the project&apos;s site folder to the folder of README.md in the group&apos;s Git checkout</source>
        <translation>站点文件夹 {folder} 不存在；请将项目的站点文件夹设为小组 Git 检出中 README.md 所在的文件夹</translation>
    </message>
    <message>
        <source>save the project first: its site folder is relative to the project file</source>
        <translation>请先保存项目：它的站点文件夹是相对于项目文件的</translation>
    </message>
    <message>
        <source>the repository {root} is not on a branch (detached HEAD); switch to the group&apos;s branch first, e.g. git switch main</source>
        <translation>仓库 {root} 不在分支上（分离头指针 HEAD）；请先切换到小组的分支，例如 git switch main</translation>
    </message>
    <message>
        <source>a {what} is in progress in {root}; finish it (or abort it) in a terminal, then publish again</source>
        <translation>{root} 中有正在进行的{what}操作；请在终端中完成（或中止）它，然后重新发布</translation>
    </message>
    <message>
        <source>{count} linked slide file(s) do not exist: {files}; add the files or remove the links, then publish again (nothing was committed)</source>
        <translation>{count} 个已关联的幻灯片文件不存在：{files}；请添加这些文件或删除链接，然后重新发布（未提交任何内容）</translation>
    </message>
    <message>
        <source>README.md was changed in {where} since this project last published it; nothing was committed: import their change into the project (or undo it there), then publish again</source>
        <translation>自本项目上次发布以来，{where} 中的 README.md 被修改过；未提交任何内容：请将对方的更改导入项目（或在那里撤销该更改），然后重新发布</translation>
    </message>
    <message>
        <source>the branch {branch} has no remote to push to; add one with git remote add origin URL, or publish without push</source>
        <translation>分支 {branch} 没有可推送的远程仓库；请用 git remote add origin URL 添加一个，或者不推送直接发布</translation>
    </message>
    <message>
        <source>the remote&apos;s new commits could not be brought in ({reason}); nothing was committed: run git pull in {root}, settle it, then publish again</source>
        <translation>无法并入远程仓库的新提交（{reason}）；未提交任何内容：请在 {root} 中运行 git pull，解决问题后重新发布</translation>
    </message>
    <message>
        <source>the push to {remote} failed: {reason}; the commit {sha} is kept: run git push in {root} or publish again</source>
        <translation>推送到 {remote} 失败：{reason}；提交 {sha} 已保留：请在 {root} 中运行 git push，或重新发布</translation>
    </message>
    <message>
        <source>the push to {remote} failed, the remote could not be reached: {reason}; the commit {sha} is kept: run git push in {root} or publish again when online</source>
        <translation>推送到 {remote} 失败，无法连接远程仓库：{reason}；提交 {sha} 已保留：请在 {root} 中运行 git push，或在联网后重新发布</translation>
    </message>
    <message>
        <source>nothing to publish: README.md, the linked slides and the project file are as committed</source>
        <translation>没有需要发布的内容：README.md、已关联的幻灯片和项目文件与已提交的版本相同</translation>
    </message>
    <message>
        <source>nothing new to commit; pushed {count} earlier commit(s) to {remote}</source>
        <translation>没有新内容需要提交；已将之前的 {count} 个提交推送到 {remote}</translation>
    </message>
    <message>
        <source>committed {sha} ({count} file(s)); not pushed: run git push or publish again</source>
        <translation>已提交 {sha}（{count} 个文件）；未推送：请运行 git push 或重新发布</translation>
    </message>
    <message>
        <source>published: commit {sha} ({count} file(s)) pushed to {remote}</source>
        <translation>已发布：提交 {sha}（{count} 个文件）已推送到 {remote}</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>the work tree (not committed)</source>
        <translation>工作区（尚未提交）</translation>
    </message>
    <message>
        <source>rebase</source>
        <translation>变基</translation>
    </message>
    <message>
        <source>cherry-pick</source>
        <translation>拣选</translation>
    </message>
    <message>
        <source>revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>bisect</source>
        <translation>二分查找</translation>
    </message>
    <message>
        <source>The site folder is not set up: choose it in File › Project Settings…</source>
        <translation>尚未设置站点文件夹：请在菜单中选择 文件 › 项目设置…</translation>
    </message>
    <message>
        <source>Imported the README from the repository: check it, then publish again</source>
        <translation>已从仓库导入 README：请检查后重新发布</translation>
    </message>
    <message>
        <source>Git is not installed</source>
        <translation>未安装 Git</translation>
    </message>
    <message>
        <source>seminar-gui publishes with the git command, which was not found on the PATH. Install Git (https://git-scm.com; on Debian or Ubuntu: sudo apt install git), then start seminar-gui again.</source>
        <translation>seminar-gui 通过 git 命令发布，但在 PATH 中找不到该命令。请安装 Git（https://git-scm.com；在 Debian 或 Ubuntu 上：sudo apt install git），然后重新启动 seminar-gui。</translation>
    </message>
    <message>
        <source>The site folder is not in a Git repository</source>
        <translation>站点文件夹不在 Git 仓库中</translation>
    </message>
    <message>
        <source>{site} is not inside a Git work tree. Clone the group&apos;s repository and choose its folder as the site folder (File › Project Settings…), or make this folder a repository in a terminal: git init, then git remote add origin URL.</source>
        <translation>{site} 不在 Git 工作区内。请克隆小组的仓库并将其文件夹选为站点文件夹（“文件 › 项目设置”），或在终端中把这个文件夹变成仓库：先运行 git init，再运行 git remote add origin URL。</translation>
    </message>
    <message>
        <source>The repository is not on a branch</source>
        <translation>仓库不在分支上</translation>
    </message>
    <message>
        <source>The checkout in {site} is on a detached HEAD, so a commit would belong to no branch. Switch to the branch you publish to (for example: git switch main), then publish again.</source>
        <translation>{site} 中的检出处于分离头指针 HEAD 状态，提交将不属于任何分支。请切换到你要发布到的分支（例如：git switch main），然后重新发布。</translation>
    </message>
    <message>
        <source>A merge is in progress</source>
        <translation>有未完成的合并</translation>
    </message>
    <message>
        <source>The repository in {site} is in the middle of a merge, rebase or cherry-pick. Finish it (git merge --continue, git rebase --continue) or abort it (git merge --abort, git rebase --abort) in a terminal, then publish again.</source>
        <translation>{site} 中的仓库正处于合并、变基或拣选的过程中。请在终端中完成它（git merge --continue、git rebase --continue）或中止它（git merge --abort、git rebase --abort），然后重新发布。</translation>
    </message>
    <message>
        <source>The remote refused the push</source>
        <translation>远程仓库拒绝了推送</translation>
    </message>
    <message>
        <source>Your commit is kept in the local repository. Check that you may push to the remote (and what its hooks said, below), then publish again with “Push to the remote” ticked, or run git push in {site}.</source>
        <translation>你的提交保留在本地仓库中。请确认你有权推送到远程仓库（并查看下方远程仓库钩子的输出），然后勾选“推送到远程仓库”重新发布，或在 {site} 中运行 git push。</translation>
    </message>
    <message>
        <source>The remote cannot be reached</source>
        <translation>无法连接远程仓库</translation>
    </message>
    <message>
        <source>Anything committed is kept in the local repository. Check the network connection (VPN, proxy) and the remote&apos;s address, then publish again with “Push to the remote” ticked, or run git push in {site}.</source>
        <translation>已提交的内容都保留在本地仓库中。请检查网络连接（VPN、代理）和远程仓库的地址，然后勾选“推送到远程仓库”重新发布，或在 {site} 中运行 git push。</translation>
    </message>
    <message>
        <source>Git did not answer in time</source>
        <translation>Git 未能及时响应</translation>
    </message>
    <message>
        <source>Git was stopped after waiting too long (a slow network, or a password prompt git may not show here: set up a credential helper or an SSH key). Try again; anything committed is kept in {site}.</source>
        <translation>等待时间过长，Git 已被终止（可能是网络太慢，或 git 在等待输入密码，而这里无法显示该提示：请设置凭据助手或 SSH 密钥）。请重试；已提交的内容都保留在 {site} 中。</translation>
    </message>
    <message>
        <source>Git failed</source>
        <translation>Git 运行失败</translation>
    </message>
    <message>
        <source>Nothing was lost: what git said is below. Fix it in a terminal in {site}, then publish again.</source>
        <translation>没有丢失任何内容：git 的输出见下方。请在终端中进入 {site} 修复问题，然后重新发布。</translation>
    </message>
    <message>
        <source>Slide files are missing</source>
        <translation>幻灯片文件缺失</translation>
    </message>
    <message>
        <source>Nothing was published: these slide files are linked but do not exist. Put the files in place or correct the links (the Problems panel lists them), then publish again.</source>
        <translation>未发布任何内容：以下幻灯片文件已关联但不存在。请把文件放到位或更正链接（“问题”面板中列出了它们），然后重新发布。</translation>
    </message>
    <message>
        <source>Could not publish</source>
        <translation>无法发布</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>unsaved work from an earlier session cannot be read ({reason}); it was kept as {name} in {folder}</source>
        <translation>无法读取上次运行时未保存的工作（{reason}）；已将其保留为 {folder} 中的 {name}</translation>
    </message>
    <message>
        <source>unsaved work from an earlier session cannot be read ({reason}); it could not be renamed either; move it away by hand</source>
        <translation>无法读取上次运行时未保存的工作（{reason}）；也无法将其重命名；请手动将其移走</translation>
    </message>
    <message>
        <source>cannot create the folder: {reason}</source>
        <translation>无法创建文件夹：{reason}</translation>
    </message>
    <message>
        <source>not a recovery file: it holds no {...}</source>
        <translation>不是恢复文件：其中没有 {...}</translation>
    </message>
    <message>
        <source>&quot;original&quot; is not a path</source>
        <translation>&quot;original&quot; 不是路径</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>not valid JSON: {what} at line {line}</source>
        <translation>不是有效的 JSON：第 {line} 行出现 {what}</translation>
    </message>
    <message>
        <source>the data is nested too deeply</source>
        <translation>数据嵌套过深</translation>
    </message>
    <message>
        <source>cannot read it: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>&quot;{key}&quot; is missing or not text</source>
        <translation>&quot;{key}&quot; 缺失或不是文本</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>{paper} [{venue}]</source>
        <translation>{paper} [{venue}]</translation>
    </message>
    <message>
        <source>{paper} [no venue tag]</source>
        <translation>{paper} [无会议标签]</translation>
    </message>
    <message>
        <source>{topic}: no paper yet</source>
        <translation>{topic}：尚无论文</translation>
    </message>
    <message>
        <source>the session on {day} has no SOSP or OSDI paper ({papers}): add one or correct a venue tag; a note on a topic (like &apos;Kick-off&apos;) marks a special session</source>
        <translation>{day}的讲次没有 SOSP 或 OSDI 论文（{papers}）：请添加一篇或更正会议标签；主题上的备注（如 &apos;Kick-off&apos;）表示特别讲次</translation>
    </message>
    <message>
        <source>the session on {day} has no arXiv paper ({papers}): add one or correct a venue tag; a note on a topic (like &apos;Kick-off&apos;) marks a special session</source>
        <translation>{day}的讲次没有 arXiv 论文（{papers}）：请添加一篇或更正会议标签；主题上的备注（如 &apos;Kick-off&apos;）表示特别讲次</translation>
    </message>
    <message>
        <source>the session on {day} has neither a SOSP/OSDI paper nor an arXiv paper ({papers}): add them or correct the venue tags; a note on a topic (like &apos;Kick-off&apos;) marks a special session</source>
        <translation>{day}的讲次既没有 SOSP/OSDI 论文，也没有 arXiv 论文（{papers}）：请添加论文或更正会议标签；主题上的备注（如 &apos;Kick-off&apos;）表示特别讲次</translation>
    </message>
    <message>
        <source>{paper} on {day} has no lead presenter: add the person who presents it (the first presenter leads)</source>
        <translation>{day}的 {paper} 没有主讲人：请添加报告它的人（第一位报告人为主讲）</translation>
    </message>
    <message>
        <source>{topic} on {day} has no lead presenter: add the person who presents it (the first presenter leads)</source>
        <translation>{day}的{topic} 没有主讲人：请添加报告它的人（第一位报告人为主讲）</translation>
    </message>
    <message>
        <source>the same arXiv id {id}</source>
        <translation>相同的 arXiv id {id}</translation>
    </message>
    <message>
        <source>the same DOI {doi}</source>
        <translation>相同的 DOI {doi}</translation>
    </message>
    <message>
        <source>the same link</source>
        <translation>相同的链接</translation>
    </message>
    <message>
        <source>the same title</source>
        <translation>相同的标题</translation>
    </message>
    <message>
        <source>{paper} on {day} was already presented on {earlier} in {semester} ({same}): the group presents each paper once; choose another paper</source>
        <translation>{day}的 {paper} 已在 {semester} 的{earlier}讲过（{same}）：小组每篇论文只讲一次；请换一篇论文</translation>
    </message>
    <message>
        <source>no slides/video yet for {paper}: the session on {day} is over; add links to the slides and the video when available</source>
        <translation>{paper} 还没有幻灯片和录像：{day}的讲次已结束；有了之后请添加幻灯片和录像的链接</translation>
    </message>
    <message>
        <source>no slides yet for {paper}: the session on {day} is over; add a link to the slides when available</source>
        <translation>{paper} 还没有幻灯片：{day}的讲次已结束；有了之后请添加幻灯片链接</translation>
    </message>
    <message>
        <source>no video yet for {paper}: the session on {day} is over; add a link to the video when available</source>
        <translation>{paper} 还没有录像：{day}的讲次已结束；有了之后请添加录像链接</translation>
    </message>
    <message>
        <source>{name} leads {paper} on {day} and led {previous} on {previous_day}, the session before: let someone else lead one of them</source>
        <translation>{name} 主讲{day}的 {paper}，又主讲了上一讲次（{previous_day}）的 {previous}：请让别人主讲其中一篇</translation>
    </message>
</context>
<context>
    <name>seasons</name>
    <message>
        <source>Winter</source>
        <translation>冬季</translation>
    </message>
    <message>
        <source>Spring</source>
        <translation>春季</translation>
    </message>
    <message>
        <source>Summer</source>
        <translation>夏季</translation>
    </message>
    <message>
        <source>Fall</source>
        <translation>秋季</translation>
    </message>
</context>
<context>
    <name>slides</name>
    <message>
        <source>Copying {names} to slides/…</source>
        <translation>正在将 {names} 复制到 slides/…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copying slides</source>
        <translation>正在复制幻灯片</translation>
    </message>
    <message>
        <source>Attach slides</source>
        <translation>添加幻灯片</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>Still busy with the slides dropped before; try again then</source>
        <translation>仍在处理之前拖入的幻灯片；请稍后再试</translation>
    </message>
    <message>
        <source>Nothing to attach the slides to</source>
        <translation>没有可添加幻灯片的位置</translation>
    </message>
    <message>
        <source>Slides not attached</source>
        <translation>未添加幻灯片</translation>
    </message>
    <message>
        <source>Cancelled: no slides were attached</source>
        <translation>已取消：未添加任何幻灯片</translation>
    </message>
    <message>
        <source>that session or topic no longer exists</source>
        <translation>该讲次或主题已不存在</translation>
    </message>
    <message>
        <source>already exists with other content; choose Replace or Keep Both</source>
        <translation>已存在且内容不同；请选择“替换”或“保留两者”</translation>
    </message>
    <message>
        <source>Which topic of {d} are the slides “{file}” for?</source>
        <translation>幻灯片“{file}”属于{d}的哪个主题？</translation>
    </message>
    <message>
        <source>there is no session to attach it to; plan one first</source>
        <translation>没有可添加到的讲次；请先安排一个讲次</translation>
    </message>
    <message>
        <source>Which session and topic are the slides “{file}” for?</source>
        <translation>幻灯片“{file}”属于哪个讲次的哪个主题？</translation>
    </message>
    <message>
        <source>Cancelled: no slides were copied</source>
        <translation>已取消：未复制任何幻灯片</translation>
    </message>
    <message>
        <source>the topic is gone</source>
        <translation>该主题已不存在</translation>
    </message>
    <message>
        <source>The slides could not be linked: {e}</source>
        <translation>无法关联幻灯片：{e}</translation>
    </message>
    <message>
        <source>Attach slides ({n} files)</source>
        <translation>添加幻灯片（{n} 个文件）</translation>
    </message>
    <message>
        <source>Topic {n}</source>
        <translation>主题 {n}</translation>
    </message>
    <message>
        <source>The session of {d} has no topic yet: add one first</source>
        <translation>{d}的讲次还没有主题：请先添加一个</translation>
    </message>
    <message>
        <source>No topic yet</source>
        <translation>尚无主题</translation>
    </message>
    <message>
        <source>Drop, then choose the topic of {d}</source>
        <translation>放下后选择{d}的主题</translation>
    </message>
    <message>
        <source>Attach slides: choose the topic</source>
        <translation>添加幻灯片：选择主题</translation>
    </message>
    <message>
        <source>Drop to attach {n} files, each to the topic its name matches</source>
        <translation>放下以添加 {n} 个文件，每个文件添加到名称与之匹配的主题</translation>
    </message>
    <message>
        <source>Drop, then choose the session of {file}</source>
        <translation>放下后为 {file} 选择讲次</translation>
    </message>
    <message>
        <source>A topic has one slides link: drop one file at a time on it</source>
        <translation>一个主题只有一个幻灯片链接：每次只拖放一个文件</translation>
    </message>
    <message>
        <source>One file per topic</source>
        <translation>每个主题一个文件</translation>
    </message>
    <message>
        <source>Drop to attach to {target}</source>
        <translation>放下以添加到 {target}</translation>
    </message>
    <message>
        <source>Attach slides to “{name}”</source>
        <translation>将幻灯片添加到“{name}”</translation>
    </message>
    <message>
        <source>Can&apos;t attach {name}</source>
        <translation>无法添加 {name}</translation>
    </message>
    <message>
        <source>Save the project first: slides are filed next to it</source>
        <translation>请先保存项目：幻灯片存放在项目旁边</translation>
    </message>
    <message>
        <source>the site folder does not exist; create it or correct the site folder</source>
        <translation>站点文件夹不存在；请创建它或更正站点文件夹</translation>
    </message>
    <message>
        <source>Drop target for slides</source>
        <translation>幻灯片拖放目标</translation>
    </message>
    <message>
        <source>GitHub does not preview {ext} files (visitors have to download it); also exporting a PDF makes the slides readable in the browser</source>
        <translation>GitHub 无法预览 {ext} 文件（访问者必须下载）；另外导出一份 PDF，幻灯片就能在浏览器中直接阅读</translation>
    </message>
    <message>
        <source>the site folder contains a NUL character; correct site_folder</source>
        <translation>站点文件夹路径中含有 NUL 字符；请更正 site_folder</translation>
    </message>
    <message>
        <source>{name} names a folder, not a file; type a file name</source>
        <translation>{name} 是文件夹名而不是文件名；请输入文件名</translation>
    </message>
    <message>
        <source>{name} has no usable characters for a file name (separators, dots and characters like &lt;&gt;:&quot;|?* are removed); type a name with letters or digits</source>
        <translation>{name} 中没有可用于文件名的字符（分隔符、点以及 &lt;&gt;:&quot;|?* 等字符会被移除）；请输入包含字母或数字的名称</translation>
    </message>
    <message>
        <source>{name} has no name before the extension; type a file name</source>
        <translation>{name} 在扩展名之前没有名称；请输入文件名</translation>
    </message>
    <message>
        <source>no free name like {stem}-N{ext}; type another name</source>
        <translation>没有可用的 {stem}-N{ext} 形式的名称；请输入其他名称</translation>
    </message>
    <message>
        <source>does not exist (moved or deleted?); drop it again</source>
        <translation>不存在（已被移动或删除？）；请重新拖放</translation>
    </message>
    <message>
        <source>cannot be read: {reason}; check permissions</source>
        <translation>无法读取：{reason}；请检查权限</translation>
    </message>
    <message>
        <source>is a Keynote package (a folder); export it as PDF in Keynote and drop that</source>
        <translation>是 Keynote 文稿包（一个文件夹）；请在 Keynote 中将其导出为 PDF，再拖放该 PDF</translation>
    </message>
    <message>
        <source>is a folder; drop the PDF file itself</source>
        <translation>是文件夹；请拖放 PDF 文件本身</translation>
    </message>
    <message>
        <source>is {kind}, not a file; drop a PDF file</source>
        <translation>是{kind}，不是文件；请拖放 PDF 文件</translation>
    </message>
    <message>
        <source>is a {ext} file; slides must be PDF (or {others}): export the slides as PDF and drop that</source>
        <translation>是 {ext} 文件；幻灯片必须是 PDF（或 {others}）：请将幻灯片导出为 PDF 后再拖放</translation>
    </message>
    <message>
        <source>is a file without extension; slides must be PDF (or {others}): export the slides as PDF and drop that</source>
        <translation>是没有扩展名的文件；幻灯片必须是 PDF（或 {others}）：请将幻灯片导出为 PDF 后再拖放</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>cannot be read (no permission); check its permissions</source>
        <translation>无法读取（没有权限）；请检查其权限</translation>
    </message>
    <message>
        <source>is empty (0 bytes); export the slides again</source>
        <translation>是空文件（0 字节）；请重新导出幻灯片</translation>
    </message>
    <message>
        <source>is not a PDF (it does not start with %PDF-), although it is named .pdf; export the slides as PDF again</source>
        <translation>虽然扩展名是 .pdf，但并不是 PDF（开头不是 %PDF-）；请重新将幻灯片导出为 PDF</translation>
    </message>
    <message>
        <source>is not a regular file; drop a PDF file</source>
        <translation>不是普通文件；请拖放 PDF 文件</translation>
    </message>
    <message>
        <source>the site folder does not exist; set the project&apos;s site folder to the folder of README.md</source>
        <translation>站点文件夹不存在；请将项目的站点文件夹设为 README.md 所在的文件夹</translation>
    </message>
    <message>
        <source>is a link to {target}, outside the site folder; seminar-gui only files slides inside the site: replace the link by a real folder</source>
        <translation>是指向站点文件夹之外的 {target} 的链接；seminar-gui 只会把幻灯片存放在站点内：请用真实的文件夹替换该链接</translation>
    </message>
    <message>
        <source>is not a folder; rename that file so slides/ can be created</source>
        <translation>不是文件夹；请重命名该文件，以便创建 slides/</translation>
    </message>
    <message>
        <source>is a symbolic link; seminar-gui never writes through links: remove the link or choose another name</source>
        <translation>是符号链接；seminar-gui 从不通过链接写入：请删除该链接或选择其他名称</translation>
    </message>
    <message>
        <source>exists and is not a regular file; choose another name</source>
        <translation>已存在且不是普通文件；请选择其他名称</translation>
    </message>
    <message>
        <source>could not copy {name} here: {reason}; check that the folder is writable and the disk is not full (nothing was changed)</source>
        <translation>无法将 {name} 复制到此处：{reason}；请检查文件夹是否可写、磁盘是否已满（没有任何改动）</translation>
    </message>
    <message>
        <source>already exists with different content; replace it, or use another name (e.g. {name})</source>
        <translation>已存在且内容不同；请替换它，或使用其他名称（例如 {name}）</translation>
    </message>
    <message>
        <source>is not a folder; remove it so replaced slides can be kept</source>
        <translation>不是文件夹；请删除它，以便保留被替换的幻灯片</translation>
    </message>
    <message>
        <source>the copy failed and the earlier file could not be put back; it is kept as {backup}</source>
        <translation>复制失败，且原先的文件无法放回；它被保留为 {backup}</translation>
    </message>
    <message>
        <source>was changed after seminar-gui copied it, so it was left as it is; delete or restore it yourself if needed</source>
        <translation>在 seminar-gui 复制之后被修改过，因此保持原样；如有需要，请自行删除或恢复</translation>
    </message>
    <message>
        <source>was changed after seminar-gui copied it, so it was left as it is; the earlier version is kept in {backup}; delete or restore it yourself if needed</source>
        <translation>在 seminar-gui 复制之后被修改过，因此保持原样；之前的版本保存在 {backup} 中；如有需要，请自行删除或恢复</translation>
    </message>
    <message>
        <source>could not undo the copy: {reason}; check that the folder is writable</source>
        <translation>无法撤销复制：{reason}；请检查文件夹是否可写</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>the project would be larger than {size} MiB, more than seminar-gui opens again; it was not saved: remove text pasted by mistake (Undo), or split old semesters into a project of their own</source>
        <translation>项目将超过 {size} MiB，超出 seminar-gui 能再次打开的大小，因此没有保存：请删除误粘贴的文本（撤销），或将旧学期拆分到单独的项目中</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (byte {byte}); an editor probably saved it in another encoding: save it as UTF-8, or {restore}</source>
        <translation>文件不是 UTF-8 文本（字节 {byte}）；可能是某个编辑器用其他编码保存了它：请将其保存为 UTF-8，或者{restore}</translation>
    </message>
    <message>
        <source>cannot read the project: {reason}</source>
        <translation>无法读取项目：{reason}</translation>
    </message>
    <message>
        <source>not valid JSON: {problem}</source>
        <translation>不是有效的 JSON：{problem}</translation>
    </message>
    <message>
        <source>the data is nested too deeply ([ or {{ more than a few hundred levels deep), so this is not a seminar-gui project file; {restore}</source>
        <translation>数据嵌套过深（[ 或 {{ 超过数百层），因此这不是 seminar-gui 项目文件；请{restore}</translation>
    </message>
    <message>
        <source>not a seminar-gui project: the file holds {found}, not {{...}}</source>
        <translation>不是 seminar-gui 项目：文件中是 {found}，而不是 {{...}}</translation>
    </message>
    <message>
        <source>&quot;schema_version&quot; is missing, so this is not a seminar-gui project file; if it is one, add &quot;schema_version&quot;: {current}, after the first {{</source>
        <translation>缺少 &quot;schema_version&quot;，因此这不是 seminar-gui 项目文件；如果它是，请在第一个 {{ 之后添加 &quot;schema_version&quot;: {current},</translation>
    </message>
    <message>
        <source>schema_version must be a whole number like {current}, not {found}</source>
        <translation>schema_version 必须是像 {current} 这样的整数，而不是 {found}</translation>
    </message>
    <message>
        <source>schema_version must be a whole number like {current}, not {found}: remove the quotes</source>
        <translation>schema_version 必须是像 {current} 这样的整数，而不是 {found}：请去掉引号</translation>
    </message>
    <message>
        <source>the file was written by a newer seminar-gui (schema_version {version}, this version reads up to {current}); update seminar-gui</source>
        <translation>该文件由较新版本的 seminar-gui 写入（schema_version {version}，此版本最多读取到 {current}）；请更新 seminar-gui</translation>
    </message>
    <message>
        <source>schema_version {version} is not valid: versions start at 1</source>
        <translation>schema_version {version} 无效：版本从 1 开始</translation>
    </message>
</context>
<context>
    <name>style</name>
    <message>
        <source>link label</source>
        <translation>链接标签</translation>
    </message>
    <message>
        <source>presenter separator</source>
        <translation>报告人分隔符</translation>
    </message>
    <message>
        <source>material separator</source>
        <translation>资料分隔符</translation>
    </message>
    <message>
        <source>marker {marker} must be one or more symbols (an emoji), no spaces</source>
        <translation>标记 {marker} 必须由一个或多个符号（emoji）组成，不能有空格</translation>
    </message>
    <message>
        <source>link label {label} must be non-empty, without square brackets</source>
        <translation>链接标签 {label} 不能为空，也不能包含方括号</translation>
    </message>
    <message>
        <source>slide name pattern {pattern} needs {{short}} and {{yymmdd}} or {{yyyymmdd}}</source>
        <translation>幻灯片文件名模式 {pattern} 需要包含 {{short}}，以及 {{yymmdd}} 或 {{yyyymmdd}}</translation>
    </message>
    <message>
        <source>slide name pattern cannot contain a folder separator</source>
        <translation>幻灯片文件名模式不能包含文件夹分隔符</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>presenters</source>
        <translation>报告人</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{marker} is not a {kind} marker seminar-gui can read back; choose one of {known}</source>
        <translation>{marker} 不是 seminar-gui 能读回的{kind}标记；请从 {known} 中选择一个</translation>
    </message>
    <message>
        <source>link label {label} must say what it is (e.g. &apos;📕 slides&apos;, &apos;📺 video&apos;)</source>
        <translation>链接标签 {label} 必须说明链接的内容（例如 &apos;📕 slides&apos;、&apos;📺 video&apos;）</translation>
    </message>
</context>
<context>
    <name>thumbnails</name>
    <message>
        <source>No preview: pypdfium2 is not installed</source>
        <translation>无法预览：未安装 pypdfium2</translation>
    </message>
    <message>
        <source>No preview: not a readable PDF</source>
        <translation>无法预览：不是可读取的 PDF</translation>
    </message>
    <message>
        <source>No preview: the file cannot be read</source>
        <translation>无法预览：无法读取文件</translation>
    </message>
    <message>
        <source>No preview: the PDF has no pages</source>
        <translation>无法预览：PDF 没有页面</translation>
    </message>
    <message>
        <source>No preview: the first page has no size</source>
        <translation>无法预览：第一页没有尺寸</translation>
    </message>
    <message>
        <source>No preview: the first page cannot be drawn</source>
        <translation>无法预览：无法绘制第一页</translation>
    </message>
    <message>
        <source>No preview: unexpected pixel format {mode}</source>
        <translation>无法预览：意外的像素格式 {mode}</translation>
    </message>
    <message>
        <source>No preview: {error}</source>
        <translation>无法预览：{error}</translation>
    </message>
    <message>
        <source>Slides preview</source>
        <translation>幻灯片预览</translation>
    </message>
    <message>
        <source>Open {name} in the system viewer</source>
        <translation>在系统查看器中打开 {name}</translation>
    </message>
    <message>
        <source>this file</source>
        <translation>此文件</translation>
    </message>
    <message>
        <source>No preview for {kind}: click to open</source>
        <translation>无法预览{kind}：点击即可打开</translation>
    </message>
    <message>
        <source>Rendering preview…</source>
        <translation>正在渲染预览…</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
</context>
</TS>
