<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BaseDataCheck</name>
    <message>
        <source>Organisation %1 does not exist in Kingdee.</source>
        <translation>组织 %1 在金蝶中不存在。</translation>
    </message>
    <message>
        <source>Organisation %1 is disabled in Kingdee.</source>
        <translation>组织 %1 在金蝶中已禁用。</translation>
    </message>
    <message>
        <source>Organisation %1 is not audited in Kingdee.</source>
        <translation>组织 %1 在金蝶中未审核。</translation>
    </message>
    <message>
        <source>Customer %1 does not exist in Kingdee.</source>
        <translation>往来单位（客户）%1 在金蝶中不存在。</translation>
    </message>
    <message>
        <source>Customer %1 is not assigned to organisation %2 in Kingdee.</source>
        <translation>往来单位（客户）%1 在金蝶中未分配给组织 %2。</translation>
    </message>
    <message>
        <source>Customer %1 is disabled in Kingdee.</source>
        <translation>往来单位（客户）%1 在金蝶中已禁用。</translation>
    </message>
    <message>
        <source>Customer %1 is not audited in Kingdee.</source>
        <translation>往来单位（客户）%1 在金蝶中未审核。</translation>
    </message>
</context>
<context>
    <name>rs::AlertsDialog</name>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>RebateSync: test alert</source>
        <translation>返利同步台：测试告警</translation>
    </message>
    <message>
        <source>If the group sees this, alerts from RebateSync reach it.</source>
        <translation>如果群里看到这条消息，说明返利同步台的告警能送达本群。</translation>
    </message>
    <message>
        <source>Delivered to the group.</source>
        <translation>已送达群聊。</translation>
    </message>
    <message>
        <source>settings.ini could not be written: %1</source>
        <translation>无法写入 settings.ini：%1</translation>
    </message>
    <message>
        <source>Alerts and Schedule</source>
        <translation>告警与定时</translation>
    </message>
    <message>
        <source>DingTalk group robot</source>
        <translation>钉钉群机器人</translation>
    </message>
    <message>
        <source>Send alerts to the group robot</source>
        <translation>将告警发送到群机器人</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Access Token：</translation>
    </message>
    <message>
        <source>Sign secret:</source>
        <translation>加签密钥：</translation>
    </message>
    <message>
        <source>Send test alert</source>
        <translation>发送测试告警</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Failures in one run:</source>
        <translation>单次运行失败数达到：</translation>
    </message>
    <message>
        <source>Bills in doubt longer than:</source>
        <translation>单据待确认超过：</translation>
    </message>
    <message>
        <source>Scheduled runs while the console is open</source>
        <translation>控制台打开期间的定时任务</translation>
    </message>
    <message>
        <source>Fetch approvals every:</source>
        <translation>拉取审批间隔：</translation>
    </message>
    <message>
        <source>Sync pending bills every:</source>
        <translation>同步待同步单据间隔：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>rs::ApiAssetsPane</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>DingTalk approval calls this month (Beijing time) against [dingtalk] monthly_quota</source>
        <translation>本月（北京时间）钉钉审批接口调用次数，对照 [dingtalk] monthly_quota 配额</translation>
    </message>
    <message>
        <source>DingTalk calls this month:</source>
        <translation>本月钉钉调用：</translation>
    </message>
    <message>
        <source>DingTalk Stream pushes received this month (Beijing time) against [dingtalk] monthly_pushes</source>
        <translation>本月（北京时间）收到的钉钉 Stream 推送条数，对照 [dingtalk] monthly_pushes 额度</translation>
    </message>
    <message>
        <source>Stream pushes this month:</source>
        <translation>本月钉钉推送：</translation>
    </message>
</context>
<context>
    <name>rs::ApiUsageModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>限流</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>Calls today</source>
        <translation>今日调用</translation>
    </message>
    <message>
        <source>Calls this month</source>
        <translation>本月调用</translation>
    </message>
    <message>
        <source>Errors (month)</source>
        <translation>错误（本月）</translation>
    </message>
    <message>
        <source>Throttled (month)</source>
        <translation>限流（本月）</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>rs::ApplicationsModel</name>
    <message>
        <source>Approval no.</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Originator</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>Kingdee bill no.</source>
        <translation>金蝶单据编号</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Needs reversal</source>
        <comment>revoked after its bills reached Kingdee</comment>
        <translation>需冲销</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>FDocumentStatus Z</comment>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>FDocumentStatus A</comment>
        <translation>创建</translation>
    </message>
    <message>
        <source>In audit</source>
        <comment>FDocumentStatus B</comment>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Audited</source>
        <comment>FDocumentStatus C</comment>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Re-audit</source>
        <comment>FDocumentStatus D</comment>
        <translation>重新审核</translation>
    </message>
    <message>
        <source>No longer in Kingdee</source>
        <comment>a synced bill someone deleted there</comment>
        <translation>金蝶中已不存在</translation>
    </message>
    <message>
        <source>Kingdee status</source>
        <translation>金蝶状态</translation>
    </message>
    <message>
        <source>Amounts as Kingdee books them: a rebate is a negative other receivable</source>
        <translation>金额按金蝶记账方式显示：返利在其他应收单中记为负数</translation>
    </message>
    <message>
        <source>Partly synced</source>
        <comment>some of its bills are in Kingdee, some not</comment>
        <translation>部分同步</translation>
    </message>
    <message>
        <source>Not sendable</source>
        <comment>approved, but no bill can be made of it as it stands</comment>
        <translation>无法生成单据</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n bill(s) in Kingdee; the others are not</source>
        <translation>
            <numerusform>%n 张单据中 %1 张已在金蝶，其余未入金蝶</numerusform>
        </translation>
    </message>
    <message>
        <source>Org.</source>
        <comment>column header: the Kingdee organisation number</comment>
        <translation>组织</translation>
    </message>
</context>
<context>
    <name>rs::ApplicationsPane</name>
    <message numerus="yes">
        <source>Showing %1 of %2 · %n ticked</source>
        <translation>
            <numerusform>显示 %1 / 共 %2 张 · 已勾选 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick All &amp;Pending</source>
        <translation>全选待同步(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Untick All</source>
        <translation>取消全部勾选(&amp;U)</translation>
    </message>
    <message>
        <source>Loading all applications…</source>
        <translation>正在加载全部申请…</translation>
    </message>
    <message>
        <source>Total shown %1 · ticked %2</source>
        <translation>显示合计 %1 · 已勾选合计 %2</translation>
    </message>
    <message>
        <source>Tick every shown application that is approved, not yet synced and can become a bill</source>
        <translation>勾选所有显示中已通过、尚未同步且能生成单据的申请</translation>
    </message>
    <message>
        <source>The shared ledger cannot be reached: %1 The table shows what was read before; the console reconnects by itself when the server is back.</source>
        <translation>无法连接共享账本：%1 表中显示的是断开前读到的内容；服务器恢复后控制台会自动重新连接。</translation>
    </message>
    <message>
        <source>state set to All</source>
        <translation>状态改为“全部”</translation>
    </message>
    <message>
        <source>date range removed</source>
        <translation>取消了申请日期范围</translation>
    </message>
    <message>
        <source>search cleared</source>
        <translation>清空了搜索</translation>
    </message>
    <message>
        <source>Filter cleared to show %1: %2</source>
        <translation>已清除筛选以显示 %1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>关闭此提示</translation>
    </message>
</context>
<context>
    <name>rs::BillError</name>
    <message>
        <source>%1 (field %2)</source>
        <translation>%1（字段 %2）</translation>
    </message>
    <message>
        <source>Fix first: %1</source>
        <translation>需改正：%1</translation>
    </message>
    <message>
        <source>Temporary: %1</source>
        <translation>暂时性：%1</translation>
    </message>
    <message>
        <source>Kingdee refuses this bill as it stands: correct it in Kingdee or DingTalk first; Retry Failed alone will not help.</source>
        <translation>金蝶不接受这张单据的现状：请先在金蝶或钉钉中改正；仅靠重试失败不会有帮助。</translation>
    </message>
    <message>
        <source>A passing problem (network, session, Kingdee busy): sending it again may pass.</source>
        <translation>暂时性问题（网络、会话、金蝶繁忙）：再次发送可能成功。</translation>
    </message>
</context>
<context>
    <name>rs::BillJsonView</name>
    <message>
        <source>Not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Kingdee number %1</source>
        <translation>金蝶单号 %1</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>单据唯一标识 %1</translation>
    </message>
    <message>
        <source>Already handed to Kingdee: shown is the stored payload that was (or is being) sent, not a fresh mapping.</source>
        <translation>已交给金蝶：此处显示的是已发送（或正在发送）的保存内容，而不是重新映射的结果。</translation>
    </message>
    <message>
        <source>Shown is the stored payload: the current mapping makes no such bill, or could not run.</source>
        <translation>此处显示的是已保存的内容：当前映射不再生成这张单据，或无法运行。</translation>
    </message>
    <message>
        <source>Kingdee&apos;s last error: %1</source>
        <translation>金蝶最近一次报错：%1</translation>
    </message>
</context>
<context>
    <name>rs::BillSettingsForm</name>
    <message>
        <source>How the rows of an application become bills, and the key by which Kingdee and this console recognise each bill.</source>
        <translation>申请的各行如何组成单据，以及金蝶和本控制台用来识别每张单据的键。</translation>
    </message>
    <message>
        <source>Group rows by:</source>
        <translation>按此分组生成单据：</translation>
    </message>
    <message>
        <source>empty: one bill per application</source>
        <translation>留空：每个申请一张单据</translation>
    </message>
    <message>
        <source>A template evaluated on each row, e.g. {{表格_客户编码}}: rows with the same value make one bill.</source>
        <translation>对每一行求值的模板，例如 {{表格_客户编码}}：值相同的行合成一张单据。</translation>
    </message>
    <message>
        <source>Idempotency key:</source>
        <translation>单据唯一标识：</translation>
    </message>
    <message>
        <source>A template evaluated on the bill&apos;s first row, e.g. {{business_id}}-{{表格_客户编码}}; it must differ for every bill.</source>
        <translation>对单据第一行求值的模板，例如 {{business_id}}-{{表格_客户编码}}；每张单据的键必须不同。</translation>
    </message>
    <message>
        <source>Key goes to field:</source>
        <translation>键写入字段：</translation>
    </message>
    <message>
        <source>Amount field:</source>
        <translation>金额字段：</translation>
    </message>
    <message>
        <source>A decimal field whose values add up to the bill&apos;s amount.</source>
        <translation>一个小数字段，其值之和即单据金额。</translation>
    </message>
    <message>
        <source>Request options sent with BatchSave (Operation must be BatchSave; &quot;true&quot; and &quot;false&quot; become JSON booleans):</source>
        <translation>随 BatchSave 发送的请求选项（Operation 必须是 BatchSave；&quot;true&quot; 和 &quot;false&quot; 会转为 JSON 布尔值）：</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <source>Remove options</source>
        <translation>删除选项</translation>
    </message>
</context>
<context>
    <name>rs::BillsView</name>
    <message>
        <source>Kingdee bills</source>
        <translation>金蝶单据</translation>
    </message>
    <message>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <source>Copy the JSON of the bill shown (its Model object)</source>
        <translation>复制当前单据的 JSON（Model 对象）</translation>
    </message>
    <message>
        <source>No bills to show</source>
        <translation>没有可显示的单据</translation>
    </message>
    <message>
        <source>in Kingdee</source>
        <comment>a bill Kingdee holds</comment>
        <translation>已在金蝶</translation>
    </message>
    <message>
        <source>not in Kingdee</source>
        <comment>a bill Kingdee does not hold (yet)</comment>
        <translation>未入金蝶</translation>
    </message>
    <message>
        <source>Kingdee bills: %1 of %2 in Kingdee</source>
        <translation>金蝶单据：共 %2 张，%1 张已在金蝶</translation>
    </message>
    <message>
        <source>The bill the log event names</source>
        <translation>同步日志所指的单据</translation>
    </message>
</context>
<context>
    <name>rs::ChangeSummaryDialog</name>
    <message>
        <source>new bill</source>
        <translation>新增单据</translation>
    </message>
    <message>
        <source>no longer made</source>
        <translation>不再生成</translation>
    </message>
    <message>
        <source>now held back by an issue</source>
        <translation>现因问题被拦下</translation>
    </message>
    <message>
        <source>now sendable</source>
        <translation>现可发送</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>有变化</translation>
    </message>
    <message>
        <source>What the new scheme changes</source>
        <translation>新方案会改变什么</translation>
    </message>
    <message numerus="yes">
        <source>%n pending bill(s) change</source>
        <translation>
            <numerusform>%n 张待同步单据有变化</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (of %n bill(s) not yet handed to Kingdee).</source>
        <translation>
            <numerusform>（共 %n 张尚未交给金蝶的单据）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sendable total before: %1   after: %2</source>
        <translation>可发送合计&#x3000;之前：%1&#x3000;之后：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s) already handed to Kingdee keep the payload they were sent with.</source>
        <translation>
            <numerusform>%n 张已交给金蝶的单据保持其发送时的内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Amount before</source>
        <translation>之前金额</translation>
    </message>
    <message>
        <source>Amount after</source>
        <translation>之后金额</translation>
    </message>
    <message>
        <source>Use the new scheme</source>
        <translation>使用新方案</translation>
    </message>
</context>
<context>
    <name>rs::ChecksEditor</name>
    <message>
        <source>Every value compares with a number</source>
        <translation>每个值与一个数比较</translation>
    </message>
    <message>
        <source>The field&apos;s sum equals the rows&apos; sum</source>
        <translation>字段合计等于各行合计</translation>
    </message>
    <message>
        <source>A header total equals all rows&apos; sum</source>
        <translation>表头总额等于所有行合计</translation>
    </message>
    <message>
        <source>Fields are filled in</source>
        <translation>字段必须填写</translation>
    </message>
    <message>
        <source>Each check runs on every finished bill; a bill that fails one is shown in red with the check&apos;s message and is not sent.</source>
        <translation>每条校验都在每张生成好的单据上运行；未通过的单据以红色显示校验的说明，且不会发送。</translation>
    </message>
    <message>
        <source>Add check</source>
        <translation>添加校验</translation>
    </message>
    <message>
        <source>Remove check</source>
        <translation>删除校验</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>运算符：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>数值：</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Factor:</source>
        <translation>系数：</translation>
    </message>
    <message>
        <source>Header field:</source>
        <translation>表头字段：</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>字段列表：</translation>
    </message>
    <message>
        <source>empty: the standard explanation</source>
        <translation>留空：使用标准说明</translation>
    </message>
    <message>
        <source>paths separated by commas: FDATE, FEntity.FNOTAXAMOUNTFOR</source>
        <translation>以逗号分隔的路径：FDATE, FEntity.FNOTAXAMOUNTFOR</translation>
    </message>
    <message>
        <source>The previewed application&apos;s bills fail this check: they would not be sent.</source>
        <translation>预览中的申请有单据未通过此校验：这些单据不会发送。</translation>
    </message>
</context>
<context>
    <name>rs::ConnectionTestRow</name>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connects with the values in the form, saved or not</source>
        <translation>使用表单中的值连接（无论是否已保存）</translation>
    </message>
    <message>
        <source>DingTalk accepted the Client ID and Client Secret (token obtained) and lists the process&apos;s approvals.</source>
        <translation>钉钉已接受 Client ID 和 Client Secret（已获取令牌），并能列出该审批流程的实例。</translation>
    </message>
    <message>
        <source>Connected to %1 (schema version %2).</source>
        <translation>连接成功：%1（架构版本 %2）。</translation>
    </message>
</context>
<context>
    <name>rs::CredentialDialog</name>
    <message>
        <source>The settings could not be written to %1. Check that the folder is writable and the file is not open elsewhere.</source>
        <translation>无法写入设置文件 %1。请检查该文件夹是否可写，以及文件是否被其他程序占用。</translation>
    </message>
    <message>
        <source>Connections and Credentials</source>
        <translation>连接与凭据</translation>
    </message>
    <message>
        <source>Save with empty fields?</source>
        <translation>有字段未填写，仍要保存？</translation>
    </message>
    <message>
        <source>These fields are empty: %1. Fetching and syncing cannot work until they are filled in. Save anyway?</source>
        <translation>以下字段尚未填写：%1。填写之前无法拉取审批或同步。仍要保存吗？</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of fields</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>RebateSync reads approvals from DingTalk and writes bills to Kingdee. Secrets are kept in %1, never in a file.</source>
        <translation>返利同步台从钉钉读取审批，并把单据写入金蝶。密钥只保存在%1中，绝不写入文件。</translation>
    </message>
    <message>
        <source>DingTalk and Kingdee</source>
        <translation>钉钉与金蝶</translation>
    </message>
    <message>
        <source>Store / team ledger</source>
        <translation>存储 / 共享账本</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
</context>
<context>
    <name>rs::CredentialForm</name>
    <message>
        <source>DingTalk (source of the approvals)</source>
        <translation>钉钉（审批来源）</translation>
    </message>
    <message>
        <source>App secret:</source>
        <translation>应用密钥：</translation>
    </message>
    <message>
        <source>Process code:</source>
        <translation>流程编码：</translation>
    </message>
    <message>
        <source>PROC-… of the rebate disbursement approval</source>
        <translation>返利发放申请审批的 PROC-… 编码</translation>
    </message>
    <message>
        <source>Kingdee Cloud Galaxy (target of the bills)</source>
        <translation>金蝶云星空（单据去向）</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>⚠ This address uses plain http:// to another computer: the password or app secret travels over the network unencrypted. Use https:// unless the server is inside a trusted network.</source>
        <translation>⚠ 此地址以明文 http:// 连接另一台计算机：密码或应用密钥将以未加密的形式在网络上传输。除非服务器位于可信的内网中，请使用 https://。</translation>
    </message>
    <message>
        <source>Data centre ID:</source>
        <translation>数据中心 ID：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录方式：</translation>
    </message>
    <message>
        <source>App secret (LoginByAppSecret)</source>
        <translation>应用密钥（LoginByAppSecret）</translation>
    </message>
    <message>
        <source>Signed login (LoginBySign, Kingdee&apos;s recommendation)</source>
        <translation>签名登录（LoginBySign，金蝶推荐）</translation>
    </message>
    <message>
        <source>API signature on every call (no session)</source>
        <translation>每次调用签名（无会话）</translation>
    </message>
    <message>
        <source>User name and password (ValidateUser)</source>
        <translation>用户名和密码（ValidateUser）</translation>
    </message>
    <message>
        <source>App ID:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Organisation number:</source>
        <translation>组织编码：</translation>
    </message>
    <message>
        <source>Language of messages:</source>
        <translation>消息语言：</translation>
    </message>
    <message>
        <source>DingTalk API:</source>
        <translation>钉钉接口：</translation>
    </message>
    <message>
        <source>Classic (oapi.dingtalk.com topapi)</source>
        <translation>旧版（oapi.dingtalk.com topapi）</translation>
    </message>
    <message>
        <source>New (api.dingtalk.com v1.0)</source>
        <translation>新版（api.dingtalk.com v1.0）</translation>
    </message>
    <message>
        <source>Client ID (AppKey):</source>
        <translation>Client ID（应用 Key）：</translation>
    </message>
    <message>
        <source>From the DingTalk developer console: the app&apos;s credentials</source>
        <translation>见钉钉开发者后台该应用的“凭证与基础信息”</translation>
    </message>
    <message>
        <source>Client Secret (AppSecret):</source>
        <translation>Client Secret（应用 Secret）：</translation>
    </message>
    <message>
        <source>for example https://erp.your-company.com/k3cloud/</source>
        <translation>例如 https://erp.your-company.com/k3cloud/</translation>
    </message>
    <message>
        <source>As listed in Kingdee&apos;s management centre</source>
        <translation>见金蝶管理中心的数据中心列表</translation>
    </message>
    <message>
        <source>The Kingdee user the bills are saved as</source>
        <translation>以此金蝶用户的身份保存单据</translation>
    </message>
    <message>
        <source>From the third-party system registration in Kingdee</source>
        <translation>见金蝶“第三方系统登录授权”中的登记</translation>
    </message>
    <message>
        <source>for example 100</source>
        <translation>例如 100</translation>
    </message>
    <message>
        <source>DingTalk address (classic API):</source>
        <translation>钉钉地址（旧版 API）：</translation>
    </message>
    <message>
        <source>DingTalk address (new API, Stream):</source>
        <translation>钉钉地址（新版 API、Stream）：</translation>
    </message>
    <message>
        <source>DingTalk interface</source>
        <translation>钉钉接口</translation>
    </message>
</context>
<context>
    <name>rs::CredentialTester</name>
    <message>
        <source>Kingdee accepted user %1 in data centre %2.</source>
        <translation>金蝶已接受数据中心 %2 中的用户 %1。</translation>
    </message>
    <message>
        <source>Fill in first: %1. Nothing was sent.</source>
        <translation>请先填写：%1。未发送任何请求。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of fields</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>rs::CsvExport</name>
    <message>
        <source>Could not write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>rs::DailyBarChart</name>
    <message numerus="yes">
        <source>%1: %n bill(s) synced</source>
        <translation>
            <numerusform>%1：已同步 %n 张单据</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::DailySyncModel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Bills synced</source>
        <translation>已同步单据</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>rs::Database</name>
    <message>
        <source>Cannot create the folder for the database %1.</source>
        <translation>无法为数据库 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 was written by a newer version of RebateSync (schema %2; this version understands up to %3). It has not been changed. Install the newer version, or open another profile.</source>
        <translation>数据库 %1 由更新版本的返利同步台写入（结构版本 %2；本版本最高支持 %3）。数据库未作任何改动。请安装新版本，或打开其他配置。</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2</source>
        <translation>无法读取数据库 %1：%2</translation>
    </message>
    <message>
        <source>The file %1 is not a RebateSync database or is damaged. It has not been changed. Restore it from a backup, or move it away to start with an empty database.</source>
        <translation>文件 %1 不是返利同步台的数据库，或已损坏。文件未作任何改动。请从备份恢复，或将其移走后以空数据库开始。</translation>
    </message>
    <message>
        <source>The database %1 is damaged (SQLite&apos;s integrity check failed). It has not been changed. Restore it from a backup, or move it away to start with an empty database.</source>
        <translation>数据库 %1 已损坏（SQLite 完整性检查未通过）。数据库未作任何改动。请从备份恢复，或将其移走后以空数据库开始。</translation>
    </message>
    <message>
        <source>The file %1 is a database, but not one written by RebateSync. It has not been changed. Choose another profile folder.</source>
        <translation>文件 %1 是一个数据库，但不是返利同步台写入的。文件未作任何改动。请选择其他配置文件夹。</translation>
    </message>
    <message>
        <source>Cannot prepare the database %1: %2</source>
        <translation>无法初始化数据库 %1：%2</translation>
    </message>
    <message>
        <source>Cannot start a database transaction: %1</source>
        <translation>无法开始数据库事务：%1</translation>
    </message>
    <message>
        <source>Cannot save to the database: %1</source>
        <translation>无法保存到数据库：%1</translation>
    </message>
    <message>
        <source>Cannot read the database %1: %2. It has not been changed; close other programs using it and try again.</source>
        <translation>无法读取数据库 %1：%2。数据库未作任何改动；请关闭正在使用它的其他程序后重试。</translation>
    </message>
    <message>
        <source>The profile folder %1 is read-only: RebateSync cannot save anything there. Make the folder and rebatesync.db writable for this user, or choose another folder with --profile. (status and list still work.)</source>
        <translation>配置文件夹 %1 是只读的：RebateSync 无法在那里保存任何内容。请让当前用户可以写入该文件夹和 rebatesync.db，或用 --profile 选择另一个文件夹。（status 和 list 仍可使用。）</translation>
    </message>
    <message>
        <source>The disk is full: the database %1 cannot save anything more. Free some disk space and try again.</source>
        <translation>磁盘已满：数据库 %1 无法再保存任何内容。请清理出一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database %1 is read-only: nothing can be saved. Make the profile folder writable, or choose another one with --profile.</source>
        <translation>数据库 %1 是只读的：无法保存任何内容。请让配置文件夹可写，或用 --profile 选择另一个文件夹。</translation>
    </message>
    <message>
        <source>%1 holds tables of another program, not a RebateSync ledger. Nothing was written to it. Give RebateSync an empty database of its own.</source>
        <translation>%1 中有其他程序的表，不是返利同步台的共享账本。未写入任何内容。请为返利同步台准备一个专用的空数据库。</translation>
    </message>
    <message>
        <source>This installation cannot reach a PostgreSQL ledger: Qt&apos;s PostgreSQL driver (QPSQL) is missing. Reinstall RebateSync, or set [store] driver=sqlite.</source>
        <translation>本安装无法连接 PostgreSQL 共享账本：缺少 Qt 的 PostgreSQL 驱动（QPSQL）。请重新安装返利同步台，或设置 [store] driver=sqlite。</translation>
    </message>
    <message>
        <source>Cannot prepare %1: %2</source>
        <translation>无法初始化 %1：%2</translation>
    </message>
    <message>
        <source>%1 refused the user or the password (%2). Nothing was written. Save the ledger&apos;s password in the settings (or with rebatesync-cli secret set store.password), or ask who runs the server for access.</source>
        <translation>%1 拒绝了该用户或密码（%2）。未写入任何内容。请保存共享账本的密码（或用 rebatesync-cli secret set store.password），或向服务器管理员申请访问权限。</translation>
    </message>
    <message>
        <source>%1 does not exist on that server (%2). Nothing was written. Create an empty database for RebateSync there, or correct [store] database.</source>
        <translation>该服务器上没有 %1（%2）。未写入任何内容。请在服务器上为返利同步台创建一个空数据库，或更正 [store] database。</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Nothing was written. Check [store] host and port, the network, and that the server is running; then try again.</source>
        <translation>无法连接 %1（%2）。未写入任何内容。请检查 [store] host 和 port、网络，以及服务器是否在运行，然后重试。</translation>
    </message>
    <message>
        <source>Cannot read the server version of %1: %2</source>
        <translation>无法读取 %1 的服务器版本：%2</translation>
    </message>
    <message>
        <source>%1 runs PostgreSQL %2.%3; RebateSync needs PostgreSQL 12 or newer. Nothing was written. Ask who runs the server to upgrade it.</source>
        <translation>%1 运行的是 PostgreSQL %2.%3；返利同步台需要 PostgreSQL 12 或更新版本。未写入任何内容。请联系服务器管理员升级。</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2). Nothing half-done was kept: check the network or ask who runs the server, then try again.</source>
        <translation>与 %1 的连接已断开（%2）。没有保留任何做了一半的改动：请检查网络或联系服务器管理员，然后重试。</translation>
    </message>
    <message>
        <source>Cannot listen for changes on %1 again: %2</source>
        <translation>无法重新监听 %1 上的变更：%2</translation>
    </message>
</context>
<context>
    <name>rs::DateField</name>
    <message>
        <source>Not a date: type it as 2025-03-01</source>
        <translation>不是日期：请按 2025-03-01 的格式输入</translation>
    </message>
    <message>
        <source>any</source>
        <comment>no limit on this end of the date range</comment>
        <translation>不限</translation>
    </message>
    <message>
        <source>Pick a date from the calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
</context>
<context>
    <name>rs::DingTalk</name>
    <message>
        <source>the answer has no &quot;%1&quot; object</source>
        <translation>应答中没有“%1”对象</translation>
    </message>
    <message>
        <source>the answer carries no token</source>
        <translation>应答中没有访问令牌</translation>
    </message>
    <message>
        <source>the answer was not complete JSON (HTTP %1)</source>
        <translation>应答不是完整的 JSON（HTTP %1）</translation>
    </message>
    <message>
        <source>this IP is blocked for a while</source>
        <translation>本机 IP 被暂时封禁</translation>
    </message>
    <message>
        <source>DingTalk did not accept the access token</source>
        <translation>钉钉不接受访问令牌</translation>
    </message>
    <message>
        <source>DingTalk is limiting the call rate</source>
        <translation>钉钉正在限制调用频率</translation>
    </message>
    <message>
        <source>DingTalk is busy or the connection failed</source>
        <translation>钉钉繁忙或连接失败</translation>
    </message>
    <message>
        <source>the organisation&apos;s DingTalk API calls for this month are used up; fetching can go on next month or after the quota is raised</source>
        <translation>本组织本月的钉钉接口调用次数已用完；下月或提高额度后才能继续拉取</translation>
    </message>
    <message>
        <source>DingTalk refused the app: check the app key and secret, that the app may use the approval API, and the IP whitelist</source>
        <translation>钉钉拒绝了该应用：请检查 AppKey 和 AppSecret、应用是否有审批接口权限，以及 IP 白名单</translation>
    </message>
    <message>
        <source>DingTalk refused the request</source>
        <translation>钉钉拒绝了该请求</translation>
    </message>
    <message>
        <source>the call was cancelled before it was sent</source>
        <translation>调用在发出前已取消</translation>
    </message>
    <message>
        <source>%1 (DingTalk: %2, code %3)</source>
        <translation>%1（钉钉：%2，错误码 %3）</translation>
    </message>
    <message>
        <source>the table &quot;%1&quot; is not a JSON array (%2 at %3)</source>
        <translation>表格“%1”不是 JSON 数组（位置 %3：%2）</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;</source>
        <translation>未知状态“%1”</translation>
    </message>
    <message>
        <source>no create time</source>
        <translation>缺少发起时间</translation>
    </message>
    <message>
        <source>no form values</source>
        <translation>缺少表单数据</translation>
    </message>
    <message>
        <source>the secure connection to DingTalk failed because of its certificate: %1. Check [dingtalk] oapi_url and api_url, the computer&apos;s date and time, and any proxy that replaces certificates</source>
        <translation>与钉钉的安全连接因证书问题失败：%1。请检查 [dingtalk] oapi_url 和 api_url、电脑的日期和时间，以及是否有会替换证书的代理</translation>
    </message>
    <message>
        <source>DingTalk did not accept the comment</source>
        <translation>钉钉未接受该评论</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>rs::EventLogModel</name>
    <message>
        <source>Info</source>
        <comment>sync log level</comment>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <comment>sync log level</comment>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <comment>sync log level</comment>
        <translation>错误</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <comment>sync log level</comment>
        <translation>级别</translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Recorded by %1</source>
        <translation>记录者：%1</translation>
    </message>
    <message>
        <source>%1
(recorded by %2)</source>
        <translation>%1
（记录者：%2）</translation>
    </message>
    <message>
        <source>By</source>
        <comment>who recorded a sync log event: user@computer</comment>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>rs::Fetch</name>
    <message>
        <source>The setting %1 is empty: fill it in the settings (or in settings.ini).</source>
        <translation>设置项 %1 为空：请在设置中（或 settings.ini 里）填写。</translation>
    </message>
    <message>
        <source>DingTalk lists only instances submitted in the last %1 days: --from must be %2 or later.</source>
        <translation>钉钉只能列出最近 %1 天内发起的审批：--from 不能早于 %2。</translation>
    </message>
    <message>
        <source>The period ends (%1) before it starts (%2).</source>
        <translation>时间段的结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>Listed %1, fetched %2 (%3 already final, not fetched again), stored %4, malformed %5, failed %6, revoked %7; DingTalk calls this month: %8.</source>
        <translation>列出 %1 条，拉取详情 %2 条（%3 条已是最终状态，不再拉取），保存 %4 条，数据异常 %5 条，失败 %6 条，已撤销 %7 条；本月钉钉调用次数：%8。</translation>
    </message>
    <message>
        <source>Missing from the store: %1.</source>
        <translation>未入库：%1。</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n approved application(s) failed the data quality check; the log says why.</source>
        <translation>
            <numerusform>%n 条已审批申请未通过数据质量校验，原因见日志。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n DingTalk call(s) could not yet be written to the month&apos;s count.</source>
        <translation>
            <numerusform>有 %n 次钉钉调用尚未能计入本月用量。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::FilterBar</name>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S):</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>In doubt</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Applied &amp;from:</source>
        <translation>申请日期(&amp;F):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Search approval no., title, customer, originator</source>
        <translation>搜索审批编号、标题、客户、发起人</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>This month, last month or the last 90 days</source>
        <translation>本月、上月或近 90 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
</context>
<context>
    <name>rs::GuiStartup</name>
    <message>
        <source>Folder with settings.ini, the database and schemes.</source>
        <translation>存放 settings.ini、数据库和映射方案的文件夹。</translation>
    </message>
    <message>
        <source>Save a screenshot to FILE once the window is shown, then quit.</source>
        <translation>窗口显示后把截图保存到 FILE，然后退出。</translation>
    </message>
    <message>
        <source>Unknown window &quot;%1&quot;; known: %2</source>
        <translation>未知窗口“%1”；可用：%2</translation>
    </message>
    <message>
        <source>With --screenshot: open the window NAME first (credentials, alerts, reconcile, scheme-editor).</source>
        <translation>与 --screenshot 一起使用：先打开名为 NAME 的窗口（credentials、alerts、reconcile、scheme-editor）。</translation>
    </message>
</context>
<context>
    <name>rs::IntakeStatus</name>
    <message>
        <source>Connected</source>
        <comment>DingTalk Stream intake</comment>
        <translation>已连接</translation>
    </message>
    <message>
        <source>DingTalk pushes each approval as it ends; it appears in the table at once.</source>
        <translation>钉钉在每个审批结束时推送，表格中随即出现该申请。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <comment>DingTalk Stream intake</comment>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Opening the connection to DingTalk.</source>
        <translation>正在与钉钉建立连接。</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <comment>DingTalk Stream intake</comment>
        <translation>正在重连…</translation>
    </message>
    <message>
        <source>The connection to DingTalk is being opened again; what ended meanwhile is fetched once it is.</source>
        <translation>正在重新连接钉钉；连上后会补取期间结束的审批。</translation>
    </message>
    <message>
        <source>Offline</source>
        <comment>DingTalk Stream intake</comment>
        <translation>离线</translation>
    </message>
    <message>
        <source>No connection to DingTalk: new approvals come only with Fetch Approvals.</source>
        <translation>未连接钉钉：新审批只能通过“拉取审批”获取。</translation>
    </message>
    <message>
        <source>DingTalk: %1</source>
        <translation>钉钉：%1</translation>
    </message>
</context>
<context>
    <name>rs::JobController</name>
    <message>
        <source>Fetching approvals…</source>
        <translation>正在拉取审批…</translation>
    </message>
    <message>
        <source>Tick the applications to sync first.</source>
        <translation>请先勾选要同步的申请。</translation>
    </message>
    <message>
        <source>No application has failed bills.</source>
        <translation>没有同步失败的申请。</translation>
    </message>
    <message>
        <source>&amp;Fetch Approvals</source>
        <translation>拉取审批(&amp;F)</translation>
    </message>
    <message>
        <source>Pull new and changed rebate applications from DingTalk</source>
        <translation>从钉钉拉取新增和变更的返利发放申请</translation>
    </message>
    <message>
        <source>&amp;Sync Selected</source>
        <translation>同步所选(&amp;S)</translation>
    </message>
    <message>
        <source>Send the ticked applications to Kingdee as other receivable bills</source>
        <translation>将勾选的申请作为其他应收单同步到金蝶</translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation>重试失败(&amp;R)</translation>
    </message>
    <message>
        <source>Send every failed application again</source>
        <translation>重新同步所有失败的申请</translation>
    </message>
    <message numerus="yes">
        <source>Sync %n application(s) (%1 bill(s)) to Kingdee, total %2?</source>
        <translation>
            <numerusform>同步 %n 张申请（%1 张单据），合计 %2？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n amount(s) could not be read and are not in the total.</source>
        <translation>
            <numerusform>%n 个金额无法读取，未计入合计。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them is hidden by the filter: %1</source>
        <translation>
            <numerusform>其中 %n 张被筛选隐藏：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Sync to Kingdee</source>
        <translation>同步到金蝶</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>重试失败</translation>
    </message>
    <message numerus="yes">
        <source>Send %n failed application(s) again?</source>
        <translation>
            <numerusform>重新发送 %n 张失败的申请？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying will not help %n of them unless they were corrected in Kingdee or DingTalk first (a customer Kingdee lacks, a closed period): %1</source>
        <translation>
            <numerusform>其中 %n 张除非已先在金蝶或钉钉中改正（如金蝶中没有该客户、会计期间已关闭），否则重试不会有帮助：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>rs::Kingdee</name>
    <message>
        <source>Kingdee lost the session and logging in again did not help</source>
        <translation>金蝶会话已丢失，重新登录后仍未恢复</translation>
    </message>
    <message>
        <source>Kingdee refused the connection: check the address, data centre, user, password or app secret, and the user&apos;s permissions</source>
        <translation>金蝶拒绝了连接：请检查服务器地址、数据中心、用户名、密码或应用密钥，以及该用户的权限</translation>
    </message>
    <message>
        <source>Kingdee is busy or could not be reached</source>
        <translation>金蝶繁忙或无法连接</translation>
    </message>
    <message>
        <source>the answer to a save was lost, so Kingdee may or may not have saved the bills; they are looked up before anything is sent again</source>
        <translation>保存请求的应答丢失，金蝶可能已保存这些单据，也可能没有；再次发送前会先按单据唯一标识查询</translation>
    </message>
    <message>
        <source>Kingdee refused the request</source>
        <translation>金蝶拒绝了该请求</translation>
    </message>
    <message>
        <source>the call was cancelled before it was sent</source>
        <translation>调用在发出前已取消</translation>
    </message>
    <message>
        <source>%1 (Kingdee: %2, field %3)</source>
        <translation>%1（金蝶：%2，字段 %3）</translation>
    </message>
    <message>
        <source>%1 (Kingdee: %2)</source>
        <translation>%1（金蝶：%2）</translation>
    </message>
    <message>
        <source>the batch holds no bills (data.Model)</source>
        <translation>该批次不含任何单据（data.Model 为空）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field key</source>
        <translation>“%1”不是有效的字段标识</translation>
    </message>
    <message>
        <source>Draft</source>
        <comment>FDocumentStatus Z</comment>
        <translation>暂存</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>FDocumentStatus A</comment>
        <translation>创建</translation>
    </message>
    <message>
        <source>In audit</source>
        <comment>FDocumentStatus B</comment>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Audited</source>
        <comment>FDocumentStatus C</comment>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Re-audit</source>
        <comment>FDocumentStatus D</comment>
        <translation>重新审核</translation>
    </message>
    <message>
        <source>No longer in Kingdee</source>
        <translation>金蝶中已不存在</translation>
    </message>
</context>
<context>
    <name>rs::KingdeeActions</name>
    <message>
        <source>Reading the bills&apos; status in Kingdee…</source>
        <translation>正在读取单据在金蝶中的状态…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Bill %1 of application %2 is no longer in Kingdee: someone deleted it there.

Send it to Kingdee again as a new bill?</source>
        <translation>申请 %2 的单据 %1 在金蝶中已不存在：有人在金蝶中删除了它。

要把它作为新单据重新发送到金蝶吗？</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>Application %1 is %2 in DingTalk, but its bills %3 are in Kingdee.

Reverse them? Kingdee deletes a bill where it allows it (after an unaudit when audited); otherwise a reversing bill with the opposite amounts is saved, dated today.</source>
        <translation>申请 %1 在钉钉中为“%2”，但它的单据 %3 仍在金蝶中。

要冲销吗？金蝶允许时删除单据（已审核的先反审核）；否则保存一张金额相反、日期为今天的红字单。</translation>
    </message>
    <message>
        <source>Reversing the bills of %1…</source>
        <translation>正在冲销 %1 的单据…</translation>
    </message>
    <message>
        <source>%1: reversing bill %2</source>
        <translation>%1：红字单 %2</translation>
    </message>
    <message>
        <source>%1: deleted in Kingdee</source>
        <translation>%1：已在金蝶删除</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1：失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>Reversed %1 of %n bill(s).</source>
        <translation>
            <numerusform>已冲销 %1 / %n 张单据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Read &amp;Kingdee Status</source>
        <translation>读取金蝶状态(&amp;K)</translation>
    </message>
    <message>
        <source>Read every synced bill&apos;s status in Kingdee, and find the ones deleted there</source>
        <translation>读取每张已同步单据在金蝶中的状态，找出已在金蝶中删除的单据</translation>
    </message>
    <message>
        <source>Send &amp;Again…</source>
        <translation>重新发送(&amp;A)…</translation>
    </message>
    <message>
        <source>Send the current application&apos;s bill again, after someone deleted it in Kingdee</source>
        <translation>有人在金蝶中删除了当前申请的单据后，重新发送它</translation>
    </message>
    <message>
        <source>Re&amp;verse…</source>
        <comment>冲销: undo a bill in Kingdee</comment>
        <translation>冲销(&amp;V)…</translation>
    </message>
    <message>
        <source>Reverse the bills of the current application, revoked after they reached Kingdee</source>
        <translation>冲销当前申请的单据：该申请在单据进入金蝶后被撤销</translation>
    </message>
</context>
<context>
    <name>rs::LogDock</name>
    <message>
        <source>Could not create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>sync-log-%1.csv</source>
        <comment>suggested export file name</comment>
        <translation>同步日志-%1.csv</translation>
    </message>
    <message>
        <source>Export Sync Log</source>
        <translation>导出同步日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Sync Log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <comment>sync log level</comment>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <source>All</source>
        <comment>sync log level</comment>
        <translation>全部</translation>
    </message>
    <message>
        <source>Info</source>
        <comment>sync log level</comment>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <comment>sync log level</comment>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <comment>sync log level</comment>
        <translation>错误</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>rs::MainWindow</name>
    <message>
        <source>RebateSync</source>
        <translation>返利同步台</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Open &amp;Profile Folder</source>
        <translation>打开配置文件夹(&amp;P)</translation>
    </message>
    <message>
        <source>Show the folder with settings.ini and the database</source>
        <translation>打开存放 settings.ini 和数据库的文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About RebateSync</source>
        <translation>关于返利同步台(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>DingTalk calls this month: %1</source>
        <translation>本月钉钉接口调用：%1 次</translation>
    </message>
    <message>
        <source>About RebateSync</source>
        <translation>关于返利同步台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;RebateSync %1&lt;/h3&gt;&lt;p&gt;Moves approved DingTalk rebate applications (返利发放申请) into Kingdee Cloud Galaxy as other receivable bills (其他应收单).&lt;/p&gt;&lt;p&gt;Profile: %2&lt;br&gt;Database schema: %3&lt;br&gt;Qt %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;返利同步台 %1&lt;/h3&gt;&lt;p&gt;将钉钉中已审批通过的返利发放申请，作为其他应收单写入金蝶云星空。&lt;/p&gt;&lt;p&gt;配置：%2&lt;br&gt;数据库结构版本：%3&lt;br&gt;Qt %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Read the applications and counts again from the database</source>
        <translation>从数据库重新读取申请和统计</translation>
    </message>
    <message>
        <source>The job could not run:
%1</source>
        <translation>任务无法运行：
%1</translation>
    </message>
    <message>
        <source>A job is running. Stop it and close when the calls already sent have answered?</source>
        <translation>有任务正在运行。是否停止任务，并在已发出的请求返回后关闭？</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <comment>connections and credentials</comment>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>DingTalk and Kingdee connections, credentials and connection tests</source>
        <translation>钉钉和金蝶的连接、凭据与连接测试</translation>
    </message>
    <message>
        <source>API assets</source>
        <translation>API 资产（接口调用与额度）</translation>
    </message>
    <message>
        <source>&amp;Alerts and Schedule…</source>
        <translation>告警与定时(&amp;A)…</translation>
    </message>
    <message>
        <source>Group robot alerts, their thresholds, and scheduled fetch and sync</source>
        <translation>群机器人告警、告警阈值，以及定时拉取和同步</translation>
    </message>
    <message>
        <source>&amp;Mapping Schemes…</source>
        <translation>映射方案(&amp;M)…</translation>
    </message>
    <message>
        <source>Edit how an application becomes Kingdee bills, with a live preview</source>
        <translation>编辑申请如何变成金蝶单据，并实时预览</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Last sync %1: %2</source>
        <translation>上次同步 %1：%2</translation>
    </message>
    <message>
        <source>The store settings are saved. They take effect when RebateSync is started again.</source>
        <translation>存储设置已保存，重新启动返利同步台后生效。</translation>
    </message>
</context>
<context>
    <name>rs::Mapping</name>
    <message>
        <source>check &quot;%1&quot; failed: %2</source>
        <translation>检查“%1”未通过：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>%1 is not %2 %3</source>
        <translation>%1 不满足 %2 %3</translation>
    </message>
    <message>
        <source>the row value &quot;%1&quot; is not a number</source>
        <translation>明细行中的值“%1”不是数字</translation>
    </message>
    <message>
        <source>the entries sum to %1, but %2 × the sum of the rows&apos; %3 (%4) is %5</source>
        <translation>分录合计为 %1，但 %2 × 明细行 %3 之和（%4）为 %5</translation>
    </message>
    <message>
        <source>a number grew beyond 38 digits (overflow)</source>
        <translation>数值超过 38 位（溢出）</translation>
    </message>
    <message>
        <source>%1 has no value</source>
        <translation>%1 没有值</translation>
    </message>
    <message>
        <source>an empty value is not a number</source>
        <translation>空值不是数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (expected digits such as 1234.50 or 1,234.50)</source>
        <translation>“%1”不是数字（应为 1234.50 或 1,234.50 这样的数字）</translation>
    </message>
    <message>
        <source>the date %1 is not a number</source>
        <translation>日期 %1 不是数字</translation>
    </message>
    <message>
        <source>NULL is not a number</source>
        <translation>NULL 不是数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (expected YYYY-MM-DD, optionally with a time HH:MM[:SS])</source>
        <translation>“%1”不是日期（应为 YYYY-MM-DD，可带时间 HH:MM[:SS]）</translation>
    </message>
    <message>
        <source>division by zero: %1 / %2</source>
        <translation>除数为零：%1 / %2</translation>
    </message>
    <message>
        <source>%1 is too large here</source>
        <translation>%1 在此处过大</translation>
    </message>
    <message>
        <source>&quot;{{&quot; at position %1 is not closed</source>
        <translation>第 %1 个字符处的“{{”没有闭合</translation>
    </message>
    <message>
        <source>the string at position %1 is not closed</source>
        <translation>第 %1 个字符处的字符串没有闭合</translation>
    </message>
    <message>
        <source>unexpected character &quot;%1&quot; at position %2</source>
        <translation>第 %2 个字符处出现意外的字符“%1”</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; at position %2</source>
        <translation>第 %2 个字符处出现意外的“%1”</translation>
    </message>
    <message>
        <source>the end</source>
        <translation>结尾</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot; at position %2, found &quot;%3&quot;</source>
        <translation>第 %2 个字符处应为“%1”，实际为“%3”</translation>
    </message>
    <message>
        <source>expected NULL after IS, found &quot;%1&quot; at position %2</source>
        <translation>IS 之后应为 NULL，第 %2 个字符处实际为“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at position %2 is not a number</source>
        <translation>第 %2 个字符处的“%1”不是数字</translation>
    </message>
    <message>
        <source>expected a value, found %1 at position %2</source>
        <translation>应为一个值，第 %2 个字符处实际为 %1</translation>
    </message>
    <message>
        <source>at position %1: %2</source>
        <translation>第 %1 个字符处：%2</translation>
    </message>
    <message>
        <source>expected WHEN, found &quot;%1&quot; at position %2</source>
        <translation>应为 WHEN，第 %2 个字符处实际为“%1”</translation>
    </message>
    <message>
        <source>expected THEN, found &quot;%1&quot; at position %2</source>
        <translation>应为 THEN，第 %2 个字符处实际为“%1”</translation>
    </message>
    <message>
        <source>expected END, found &quot;%1&quot; at position %2</source>
        <translation>应为 END，第 %2 个字符处实际为“%1”</translation>
    </message>
    <message>
        <source>unknown name &quot;%1&quot; at position %2 (functions: IF, IFNULL, COALESCE, CONCAT, REPLACE, SUBSTRING, TRIM, UPPER, LOWER, ROUND, ABS, DATE_FORMAT, NOW, CURDATE)</source>
        <translation>第 %2 个字符处的名称“%1”未知（可用函数：IF、IFNULL、COALESCE、CONCAT、REPLACE、SUBSTRING、TRIM、UPPER、LOWER、ROUND、ABS、DATE_FORMAT、NOW、CURDATE）</translation>
    </message>
    <message>
        <source>%1 at position %2 takes %3 arguments, not %4</source>
        <translation>第 %2 个字符处的 %1 需要 %3 个参数，而不是 %4 个</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a yes/no value (expected true, false, 1, 0, 是 or 否)</source>
        <translation>“%1”不是是/否值（应为 true、false、1、0、是 或 否）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the value map &quot;%2&quot;; add it to valueMaps.%2 in the scheme</source>
        <translation>“%1”不在值映射“%2”中；请在映射方案的 valueMaps.%2 中添加</translation>
    </message>
    <message>
        <source>required, but the source has no value for it</source>
        <translation>必填，但来源中没有该值</translation>
    </message>
    <message>
        <source>still in approval</source>
        <translation>仍在审批中</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>the idempotency key %1 has no value for this bill, so it could not be found again in Kingdee</source>
        <translation>此单据的单据唯一标识 %1 没有值，因此无法在金蝶中再次查找到它</translation>
    </message>
    <message>
        <source>The stored application cannot be read (%1); fetch it again.</source>
        <translation>无法读取已保存的申请（%1）；请重新拉取。</translation>
    </message>
    <message>
        <source>_function %1: %2</source>
        <translation>_function %1：%2</translation>
    </message>
    <message>
        <source>DingTalk&apos;s answer for this application could not be read (%1); there is no bill until it is fetched again.</source>
        <translation>无法解析钉钉对此申请的返回（%1）；重新拉取之前不会生成单据。</translation>
    </message>
    <message>
        <source>the application is %1, not approved: its bills are a preview and will not be sent</source>
        <translation>该申请的状态为“%1”，不是已通过：其单据仅供预览，不会发送</translation>
    </message>
    <message>
        <source>the application has no table rows, so there is no bill to make</source>
        <translation>该申请的表格没有明细行，因此无法生成单据</translation>
    </message>
    <message>
        <source>unknown key (allowed here: %1)</source>
        <translation>未知的键（此处可用：%1）</translation>
    </message>
    <message>
        <source>missing; expected an object</source>
        <translation>缺失；应为对象</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>missing; expected text</source>
        <translation>缺失；应为文本</translation>
    </message>
    <message>
        <source>expected text</source>
        <translation>应为文本</translation>
    </message>
    <message>
        <source>expected a list of table names, e.g. [&quot;表格&quot;]</source>
        <translation>应为表格名称列表，例如 [&quot;表格&quot;]</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected an object of &quot;source value&quot;: &quot;Kingdee value&quot;</source>
        <translation>应为 &quot;来源值&quot;: &quot;金蝶值&quot; 形式的对象</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported; use batchSave</source>
        <translation>不支持“%1”；请使用 batchSave</translation>
    </message>
    <message>
        <source>{{list.…}} is only allowed inside an entry field</source>
        <translation>{{list.…}} 只能用在分录字段中</translation>
    </message>
    <message>
        <source>expected a non-empty list of fields</source>
        <translation>应为非空的字段列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a decimal field of this scheme</source>
        <translation>“%1”不是本映射方案中的小数字段</translation>
    </message>
    <message>
        <source>expected a list of {&quot;field&quot;: …, &quot;value&quot;: …}</source>
        <translation>应为 {&quot;field&quot;: …, &quot;value&quot;: …} 的列表</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported; use BatchSave</source>
        <translation>不支持“%1”；请使用 BatchSave</translation>
    </message>
    <message>
        <source>Model is made from the fields and cannot be an option</source>
        <translation>Model 由字段生成，不能作为选项</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>“%1”重复定义</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds the idempotency key (target.idempotency.field) and cannot also be a field</source>
        <translation>“%1”用于存放单据唯一标识（target.idempotency.field），不能再作为普通字段</translation>
    </message>
    <message>
        <source>entries cannot be nested</source>
        <translation>分录不能嵌套</translation>
    </message>
    <message>
        <source>not allowed on an entry field (one with &quot;fields&quot;)</source>
        <translation>分录字段（带 &quot;fields&quot; 的字段）不允许使用</translation>
    </message>
    <message>
        <source>missing; give a fixed value, a {{template}} or _function …</source>
        <translation>缺失；请给出固定值、{{模板}} 或 _function …</translation>
    </message>
    <message>
        <source>unknown type &quot;%1&quot; (use string, decimal, integer, date or boolean)</source>
        <translation>未知类型“%1”（可用 string、decimal、integer、date 或 boolean）</translation>
    </message>
    <message>
        <source>only a decimal field has a scale</source>
        <translation>只有小数字段才有 scale</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to %1</source>
        <translation>应为 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>only a date field has a format</source>
        <translation>只有日期字段才有 format</translation>
    </message>
    <message>
        <source>a fixed value is sent as written and takes no type</source>
        <translation>固定值按原样发送，不能指定类型</translation>
    </message>
    <message>
        <source>missing; ConvertObjectParser needs the key to wrap the value in, e.g. FNumber</source>
        <translation>缺失；ConvertObjectParser 需要用来包装值的键，例如 FNumber</translation>
    </message>
    <message>
        <source>unknown parser &quot;%1&quot; (use ConvertObjectParser, ArrayToString or StringToArray)</source>
        <translation>未知解析器“%1”（可用 ConvertObjectParser、ArrayToString 或 StringToArray）</translation>
    </message>
    <message>
        <source>a fixed value is sent as written and takes no parser</source>
        <translation>固定值按原样发送，不能使用解析器</translation>
    </message>
    <message>
        <source>there is no value map &quot;%1&quot; in valueMaps</source>
        <translation>valueMaps 中没有值映射“%1”</translation>
    </message>
    <message>
        <source>expected a list of checks</source>
        <translation>应为检查规则列表</translation>
    </message>
    <message>
        <source>unknown operator &quot;%1&quot; (use =, &lt;&gt;, &lt;, &lt;=, &gt; or &gt;=)</source>
        <translation>未知运算符“%1”（可用 =、&lt;&gt;、&lt;、&lt;=、&gt; 或 &gt;=）</translation>
    </message>
    <message>
        <source>expected a non-empty list of field paths</source>
        <translation>应为非空的字段路径列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of this scheme</source>
        <translation>“%1”不是本映射方案中的字段</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>%1: JSON syntax error at %2: %3</source>
        <translation>%1：%2 处 JSON 语法错误：%3</translation>
    </message>
    <message>
        <source>%1: expected a JSON object at the top</source>
        <translation>%1：顶层应为 JSON 对象</translation>
    </message>
    <message>
        <source>[sync] scheme: &quot;%1&quot; is not a built-in scheme. Use one of: %2, or the name of a .json file in %3.</source>
        <translation>[sync] scheme：“%1”不是内置映射方案。可用值：%2，或 %3 中某个 .json 文件的名称。</translation>
    </message>
    <message>
        <source>[sync] scheme: &quot;%1&quot; is neither a built-in scheme (builtin:rebate-to-other-receivable) nor the name of a .json file in %2.</source>
        <translation>[sync] scheme：“%1”既不是内置映射方案（builtin:rebate-to-other-receivable），也不是 %2 中某个 .json 文件的名称。</translation>
    </message>
    <message>
        <source>[sync] scheme: the file %1 does not exist. Put the scheme there or choose another one.</source>
        <translation>[sync] scheme：文件 %1 不存在。请把映射方案放到该位置，或选择其他方案。</translation>
    </message>
    <message>
        <source>[sync] scheme: cannot read %1: %2</source>
        <translation>[sync] scheme：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>&quot;{{&quot; at position %1 is not closed with &quot;}}&quot;</source>
        <translation>第 %1 个字符处的“{{”没有用“}}”闭合</translation>
    </message>
    <message>
        <source>the placeholder at position %1 has no name</source>
        <translation>第 %1 个字符处的占位符没有名称</translation>
    </message>
    <message>
        <source>the application has no %1 to check its rows against</source>
        <translation>申请中没有%1，无法与明细行核对</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number</source>
        <translation>%1“%2”不是数字</translation>
    </message>
    <message numerus="yes">
        <source>the application&apos;s %1 is %2, but its %n row(s) of %3 add up to %4</source>
        <translation>
            <numerusform>申请的%1为 %2，但其 %n 行明细的%3合计为 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown check &quot;%1&quot; (use compare, sumEquals, headerTotal or required)</source>
        <translation>未知检查类型“%1”（可用 compare、sumEquals、headerTotal 或 required）</translation>
    </message>
</context>
<context>
    <name>rs::MonitorPane</name>
    <message>
        <source>never</source>
        <translation>从未运行</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>partly completed</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message numerus="yes">
        <source>Synced today: %n bill(s), amount %1</source>
        <translation>
            <numerusform>今日已同步：%n 张单据，金额 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Failure rate (30 days): %1 % (%2 failed of %3)</source>
        <translation>失败率（30 天）：%1 %（%3 张中失败 %2 张）</translation>
    </message>
    <message>
        <source>Failure rate (30 days): no bill synced or failed</source>
        <translation>失败率（30 天）：没有已同步或失败的单据</translation>
    </message>
    <message>
        <source>Last fetch: %1</source>
        <translation>最近拉取：%1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>最近同步：%1</translation>
    </message>
    <message>
        <source>Applications and bills by state</source>
        <translation>各状态的申请与单据</translation>
    </message>
    <message>
        <source>Bills synced per day, last 30 days</source>
        <translation>近 30 天每日同步单据</translation>
    </message>
</context>
<context>
    <name>rs::PreviewPane</name>
    <message>
        <source>The mapping scheme could not be loaded.</source>
        <translation>无法加载映射方案。</translation>
    </message>
    <message>
        <source>The mapping scheme could not be loaded: %1</source>
        <translation>无法加载映射方案：%1</translation>
    </message>
    <message>
        <source>Application %1 is not stored in this profile.</source>
        <translation>此配置中没有申请 %1。</translation>
    </message>
    <message>
        <source>%1 · approval no. %2 · %3</source>
        <translation>%1 · 审批编号 %2 · %3</translation>
    </message>
    <message>
        <source>DingTalk&apos;s answer for this application could not be read: %1</source>
        <translation>无法读取钉钉对此申请的返回：%1</translation>
    </message>
    <message>
        <source>Select an application to see the bills it becomes</source>
        <translation>选择一张申请，查看它将生成的单据</translation>
    </message>
</context>
<context>
    <name>rs::Profile</name>
    <message>
        <source>Cannot create the profile folder %1. Check that the disk is writable, or choose another folder with --profile.</source>
        <translation>无法创建配置文件夹 %1。请检查磁盘是否可写，或用 --profile 指定其他文件夹。</translation>
    </message>
</context>
<context>
    <name>rs::Push</name>
    <message>
        <source>The secret %1 is not stored: store it with &quot;rebatesync-cli secret set %1&quot;.</source>
        <translation>密钥 %1 尚未保存：请用“rebatesync-cli secret set %1”保存。</translation>
    </message>
</context>
<context>
    <name>rs::ReconcileCsv</name>
    <message>
        <source>Kind</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Bill key</source>
        <translation>单据标识</translation>
    </message>
    <message>
        <source>Kingdee bill number</source>
        <translation>金蝶单据编号</translation>
    </message>
    <message>
        <source>DingTalk amount</source>
        <translation>钉钉金额</translation>
    </message>
    <message>
        <source>Kingdee amount</source>
        <translation>金蝶金额</translation>
    </message>
    <message>
        <source>Application id</source>
        <translation>申请 ID</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>rs::ReconcilePane</name>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Another job is running; reconcile when it has ended.</source>
        <translation>另一个任务正在运行；请在它结束后再对账。</translation>
    </message>
    <message>
        <source>Reconciling…</source>
        <translation>正在对账…</translation>
    </message>
    <message>
        <source>Choose the period and click Reconcile.</source>
        <translation>选择期间，然后点击“对账”。</translation>
    </message>
    <message>
        <source>%1 to %2: %3 matched, %4 difference(s). DingTalk approved %5, Kingdee holds %6.</source>
        <translation>%1 至 %2：一致 %3 张，差异 %4 项。钉钉审批金额 %5，金蝶金额 %6。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>reconciliation %1 %2</source>
        <translation>对账 %1 %2</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>导出到 CSV</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>to</source>
        <comment>period from … to …</comment>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>对账(&amp;R)</translation>
    </message>
    <message>
        <source>Compare the applications of the period with the bills Kingdee holds for them</source>
        <translation>将期间内的申请与金蝶中对应的单据逐一比对</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>rs::ReconcileTables</name>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <source>Approval no.</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Bill key</source>
        <translation>单据标识</translation>
    </message>
    <message>
        <source>Kingdee bill no.</source>
        <translation>金蝶单据编号</translation>
    </message>
    <message>
        <source>DingTalk amount</source>
        <translation>钉钉金额</translation>
    </message>
    <message>
        <source>Kingdee amount</source>
        <translation>金蝶金额</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>rs::RuleForm</name>
    <message>
        <source>Choose a field on the left.</source>
        <translation>请在左侧选择一个字段。</translation>
    </message>
    <message>
        <source>Insert a source field…</source>
        <translation>插入来源字段…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Kingdee field:</source>
        <translation>金蝶字段：</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Value from:</source>
        <translation>取值方式：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Default when empty:</source>
        <translation>为空时默认值：</translation>
    </message>
    <message>
        <source>Value map:</source>
        <translation>值映射：</translation>
    </message>
    <message>
        <source>A fixed value (JSON, sent as written)</source>
        <translation>固定值（JSON，原样发送）</translation>
    </message>
    <message>
        <source>Text or a {{template}}</source>
        <translation>文本或 {{模板}}</translation>
    </message>
    <message>
        <source>A _function expression</source>
        <translation>_function 表达式</translation>
    </message>
    <message>
        <source>An entry: one object per table row</source>
        <translation>分录：每个表格行一个对象</translation>
    </message>
    <message>
        <source>Its fields are listed under it on the left.</source>
        <translation>它的字段列在左侧它的下面。</translation>
    </message>
    <message>
        <source>Required: an empty value is an issue on the bill</source>
        <translation>必填：值为空时单据有问题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Decimal (rounded to the scale)</source>
        <translation>小数（按精度四舍五入）</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Date (written in the format)</source>
        <translation>日期（按格式写出）</translation>
    </message>
    <message>
        <source>True or false</source>
        <translation>是或否</translation>
    </message>
    <message>
        <source>Decimal places</source>
        <translation>小数位数</translation>
    </message>
    <message>
        <source>ConvertObjectParser: {&quot;key&quot;: value}</source>
        <translation>ConvertObjectParser：{&quot;键&quot;: 值}</translation>
    </message>
    <message>
        <source>ArrayToString: join a list</source>
        <translation>ArrayToString：把列表连接成文本</translation>
    </message>
    <message>
        <source>StringToArray: split text</source>
        <translation>StringToArray：把文本拆成列表</translation>
    </message>
    <message>
        <source>FNumber, or the separator</source>
        <translation>FNumber，或分隔符</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Parser:</source>
        <translation>解析器：</translation>
    </message>
    <message>
        <source>As it comes</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>rs::SchemeEditorWindow</name>
    <message>
        <source>Edit value maps</source>
        <translation>编辑值映射</translation>
    </message>
    <message>
        <source>New scheme</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <source>File name of the new scheme:</source>
        <translation>新方案的文件名：</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Rename scheme</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>New file name:</source>
        <translation>新文件名：</translation>
    </message>
    <message>
        <source>Delete scheme</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the scheme file %1?</source>
        <translation>删除方案文件 %1？</translation>
    </message>
    <message>
        <source>Import a scheme</source>
        <translation>导入方案</translation>
    </message>
    <message>
        <source>Scheme files (*.json)</source>
        <translation>方案文件 (*.json)</translation>
    </message>
    <message>
        <source>Export the scheme</source>
        <translation>导出方案</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（当前方案）</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is built in and read-only: duplicate it to change it.</source>
        <translation>%1 是内置方案，只读：复制后再修改。</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>active: sync uses this scheme</source>
        <translation>当前方案：同步使用此方案</translation>
    </message>
    <message>
        <source>Mapping schemes — %1%2</source>
        <translation>映射方案 — %1%2</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Discard them?</source>
        <translation>%1 有未保存的修改。放弃这些修改？</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>已将 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>%1 is the active scheme: make another one active before deleting it.</source>
        <translation>%1 是当前方案：请先把另一个方案设为当前方案再删除它。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Not saved, the scheme has a mistake: %1</source>
        <translation>未保存，方案有错误：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Not exported, the scheme has a mistake: %1</source>
        <translation>未导出，方案有错误：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>The built-in scheme cannot be changed; duplicate it and edit the copy.</source>
        <translation>内置方案不能修改；请复制后编辑副本。</translation>
    </message>
    <message>
        <source>Not made active: %1</source>
        <translation>未设为当前方案：%1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 is now the active scheme: sync maps pending applications with it.</source>
        <translation>%1 现在是当前方案：同步用它映射待同步的申请。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>A new, small scheme file</source>
        <translation>一个新的小方案文件</translation>
    </message>
    <message>
        <source>Duplicate built-in</source>
        <translation>复制内置方案</translation>
    </message>
    <message>
        <source>A copy of the built-in scheme to edit</source>
        <translation>复制一份内置方案来编辑</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Make active</source>
        <translation>设为当前方案</translation>
    </message>
    <message>
        <source>Sync uses this scheme from now on; you see first what it changes in pending bills</source>
        <translation>从现在起同步使用此方案；会先显示它对待同步单据的改变</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>删除字段</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value maps</source>
        <translation>值映射</translation>
    </message>
    <message>
        <source>Still working out what the last change does; wait for it or cancel it.</source>
        <translation>仍在计算上一次修改的影响；请等待或取消。</translation>
    </message>
    <message>
        <source>Trying the new scheme on the approved applications not yet synced…</source>
        <translation>正在用新方案试算已审批、尚未同步的申请…</translation>
    </message>
    <message>
        <source>Stopped working out what changes: nothing was saved or made active.</source>
        <translation>已停止计算变化：未保存任何内容，也未设为当前方案。</translation>
    </message>
    <message>
        <source>Edit the bill settings</source>
        <translation>编辑单据设置</translation>
    </message>
    <message>
        <source>Edit the checks</source>
        <translation>编辑校验</translation>
    </message>
    <message>
        <source>Bill and grouping</source>
        <translation>单据与分组</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>校验</translation>
    </message>
</context>
<context>
    <name>rs::SchemeFieldsModel</name>
    <message>
        <source>Kingdee field</source>
        <translation>金蝶字段</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s), one entry per row</source>
        <translation>
            <numerusform>%n 个字段，每行一条分录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::SchemeLibrary</name>
    <message>
        <source>There is no built-in scheme %1.</source>
        <translation>没有内置方案 %1。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The built-in scheme cannot be changed; duplicate it and edit the copy.</source>
        <translation>内置方案不能修改；请复制后编辑副本。</translation>
    </message>
    <message>
        <source>Not saved, the scheme has a mistake: %1</source>
        <translation>未保存，方案有错误：%1</translation>
    </message>
    <message>
        <source>There is already a scheme %1.</source>
        <translation>已有方案 %1。</translation>
    </message>
    <message>
        <source>The built-in scheme cannot be renamed.</source>
        <translation>内置方案不能重命名。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>无法将 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>The built-in scheme cannot be deleted.</source>
        <translation>内置方案不能删除。</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Not imported, the scheme has a mistake: %1</source>
        <translation>未导入，方案有错误：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scheme file name: use a plain name such as ours.json, without a folder.</source>
        <translation>“%1”不是方案文件名：请用不带文件夹的简单名称，例如 ours.json。</translation>
    </message>
</context>
<context>
    <name>rs::SecretField</name>
    <message>
        <source>Set by %1 for this run — leave empty to keep</source>
        <translation>本次运行由 %1 提供 — 留空则保持不变</translation>
    </message>
    <message>
        <source>Not stored yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取%1…</translation>
    </message>
    <message>
        <source>Stored in %1 — leave empty to keep</source>
        <translation>已保存在%1中 — 留空则保持不变</translation>
    </message>
</context>
<context>
    <name>rs::SecretStore</name>
    <message>
        <source>%1 is not in %2 yet. Enter it in the settings dialog, or run: rebatesync-cli secret set %1</source>
        <translation>%2中还没有 %1。请在设置对话框中填写，或运行：rebatesync-cli secret set %1</translation>
    </message>
    <message>
        <source>Windows Credential Manager refused access (%1). Sign in to Windows with your own account and try again.</source>
        <translation>Windows 凭据管理器拒绝了访问（%1）。请用您自己的账户登录 Windows 后重试。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access (%1). Unlock the login keyring and try again.</source>
        <translation>系统钥匙串已锁定或拒绝了访问（%1）。请解锁“登录”钥匙串后重试。</translation>
    </message>
    <message>
        <source>Windows Credential Manager could not be used (%1). RebateSync keeps secrets only there, never in a file. Sign in to Windows with your own account and try again; if it still fails, ask your IT support.</source>
        <translation>无法使用 Windows 凭据管理器（%1）。返利同步台只把密钥保存在那里，绝不写入文件。请用您自己的账户登录 Windows 后重试；仍然失败时请联系 IT 支持。</translation>
    </message>
    <message>
        <source>The system keychain could not be used (%1). RebateSync keeps secrets only there, never in a file. Install and unlock a Secret Service such as gnome-keyring (apt install gnome-keyring) in a desktop or D-Bus session. A scheduled run without a keychain can pass secrets in the environment variables %2.</source>
        <comment>Linux only</comment>
        <translation>无法使用系统钥匙串（%1）。返利同步台只把密钥保存在系统钥匙串中，绝不写入文件。请在桌面或 D-Bus 会话中安装并解锁 Secret Service，例如 gnome-keyring（apt install gnome-keyring）。没有钥匙串的计划任务可以通过环境变量 %2 传入密钥。</translation>
    </message>
    <message>
        <source>Windows Credential Manager</source>
        <translation>Windows 凭据管理器</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
</context>
<context>
    <name>rs::SettingValidator</name>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number from %3 to %4.</source>
        <translation>%1：“%2”不是 %3 到 %4 之间的整数。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not accepted. Use one of: %3.</source>
        <translation>%1：不接受“%2”。可用值：%3。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a web address. Use the form https://host/path (http:// only for a server inside your network).</source>
        <translation>%1：“%2”不是有效的网址。请使用 https://主机/路径 的形式（仅内网服务器可用 http://）。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must not contain ? or #. Use the form https://host/path.</source>
        <translation>%1：“%2”中不得包含 ? 或 #。请使用 https://主机/路径 的形式。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a built-in scheme. Use one of: %3, or the name of a .json file in %4.</source>
        <translation>%1：“%2”不是内置映射方案。可用值：%3，或 %4 中某个 .json 文件的名称。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is neither a built-in scheme (builtin:rebate-to-other-receivable) nor a .json file in %3.</source>
        <translation>%1：“%2”既不是内置映射方案（builtin:rebate-to-other-receivable），也不是 %3 中的 .json 文件。</translation>
    </message>
    <message>
        <source>%1: unknown setting. settings.ini has these sections: %2.</source>
        <translation>%1：未知的设置项。settings.ini 只有这些分节：%2。</translation>
    </message>
    <message>
        <source>%1: unknown setting. The keys of [%2] are: %3.</source>
        <translation>%1：未知的设置项。[%2] 下的设置项有：%3。</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>是否想写 %1？</translation>
    </message>
    <message>
        <source>%1: the address must not contain a user name or password; secrets belong in %2.</source>
        <translation>%1：地址中不得包含用户名或密码；密钥应保存在%2中。</translation>
    </message>
    <message>
        <source>%1: secrets must not be written in settings.ini. Remove the line and store the secret in %2 (rebatesync-cli secret set NAME, or the settings dialog).</source>
        <translation>%1：密钥不得写入 settings.ini。请删除该行，并把密钥保存到%2（rebatesync-cli secret set NAME，或在设置对话框中填写）。</translation>
    </message>
</context>
<context>
    <name>rs::SettingsAudit</name>
    <message>
        <source>Settings changed: %1</source>
        <translation>设置已更改：%1</translation>
    </message>
</context>
<context>
    <name>rs::SourceFieldsModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>rs::SourceFieldsView</name>
    <message>
        <source>Source</source>
        <translation>源数据</translation>
    </message>
    <message>
        <source>Header fields</source>
        <translation>表头字段</translation>
    </message>
    <message numerus="yes">
        <source>Table rows (%n)</source>
        <translation>
            <numerusform>表格行（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::StateCountsModel</name>
    <message>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>rs::States</name>
    <message>
        <source>In approval</source>
        <translation>审批中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Revoked after approval</source>
        <translation>通过后已撤销</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>bill not yet queued</comment>
        <translation>待同步</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>In doubt</source>
        <comment>sent to Kingdee, answer lost</comment>
        <translation>待确认</translation>
    </message>
    <message>
        <source>Reversed</source>
        <comment>deleted in Kingdee or offset by a reversing bill</comment>
        <translation>已冲销</translation>
    </message>
</context>
<context>
    <name>rs::Store</name>
    <message>
        <source>counting an API call</source>
        <translation>记录接口调用</translation>
    </message>
    <message>
        <source>reading API usage</source>
        <translation>读取接口用量</translation>
    </message>
    <message>
        <source>saving an application</source>
        <translation>保存申请</translation>
    </message>
    <message>
        <source>saving an application&apos;s rows</source>
        <translation>保存申请明细行</translation>
    </message>
    <message>
        <source>reading an application</source>
        <translation>读取申请</translation>
    </message>
    <message>
        <source>listing applications</source>
        <translation>列出申请</translation>
    </message>
    <message>
        <source>counting applications</source>
        <translation>统计申请</translation>
    </message>
    <message>
        <source>Bill %1 cannot change from %2 to %3; it was not changed.</source>
        <translation>单据 %1 不能从“%2”变为“%3”；单据未作改动。</translation>
    </message>
    <message>
        <source>saving a bill draft</source>
        <translation>保存单据草稿</translation>
    </message>
    <message>
        <source>changing a bill&apos;s state</source>
        <translation>更改单据状态</translation>
    </message>
    <message>
        <source>reading a bill</source>
        <translation>读取单据</translation>
    </message>
    <message>
        <source>reading bills</source>
        <translation>读取单据</translation>
    </message>
    <message>
        <source>counting bills</source>
        <translation>统计单据</translation>
    </message>
    <message>
        <source>creating the schema</source>
        <translation>创建数据库结构</translation>
    </message>
    <message>
        <source>upgrading the schema</source>
        <translation>升级数据库结构</translation>
    </message>
    <message>
        <source>writing the sync log</source>
        <translation>写入同步日志</translation>
    </message>
    <message>
        <source>reading the sync log</source>
        <translation>读取同步日志</translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation>%1时数据库出错：%2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Bill %1 has already been handed to Kingdee; its draft was kept as sent.</source>
        <translation>单据 %1 已提交给金蝶；草稿保持提交时的内容，未作改动。</translation>
    </message>
    <message>
        <source>There is no application %1.</source>
        <translation>没有申请 %1。</translation>
    </message>
    <message>
        <source>recording a run</source>
        <translation>记录运行情况</translation>
    </message>
    <message>
        <source>reading runs</source>
        <translation>读取运行记录</translation>
    </message>
    <message>
        <source>The program stopped while this bill was being sent; it will be looked up in Kingdee before anything is sent again.</source>
        <translation>程序在发送此单据时中断；再次发送前会先在金蝶中查找它。</translation>
    </message>
    <message>
        <source>reading synced bills</source>
        <translation>读取已同步单据</translation>
    </message>
    <message>
        <source>The disk is full: the database could not save while %1. Free some disk space and try again.</source>
        <translation>磁盘已满：%1时数据库无法保存。请清理出一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The database is read-only: it could not save while %1. Make the profile folder writable, or choose another one with --profile.</source>
        <translation>数据库是只读的：%1时无法保存。请让配置文件夹可写，或用 --profile 选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Not sent: application %1 became %2 in DingTalk while its bill waited to be sent.</source>
        <translation>未发送：单据等待发送期间，申请 %1 在钉钉中变为“%2”。</translation>
    </message>
    <message>
        <source>recording a bill&apos;s status in Kingdee</source>
        <translation>记录单据在金蝶中的状态</translation>
    </message>
    <message>
        <source>claiming a bill</source>
        <translation>认领单据</translation>
    </message>
    <message>
        <source>The connection to the ledger&apos;s database server was lost while %1 (%2). Nothing half-done was kept: check the network or ask who runs the server, then try again.</source>
        <translation>在%1时与共享账本数据库服务器的连接断开（%2）。没有保留任何做了一半的改动：请检查网络或联系服务器管理员，然后重试。</translation>
    </message>
    <message>
        <source>counting rows</source>
        <translation>统计行数</translation>
    </message>
    <message>
        <source>adding up amounts</source>
        <translation>合计金额</translation>
    </message>
    <message>
        <source>reading the store to copy</source>
        <translation>读取要复制的数据</translation>
    </message>
    <message>
        <source>copying the store</source>
        <translation>复制数据</translation>
    </message>
    <message>
        <source>PostgreSQL database %1 on %2:%3 (user %4)</source>
        <translation>%2:%3 上的 PostgreSQL 数据库 %1（用户 %4）</translation>
    </message>
    <message>
        <source>In Kingdee twice: %1</source>
        <translation>金蝶中重复：%1</translation>
    </message>
    <message>
        <source>recording a bill held twice in Kingdee</source>
        <translation>记录金蝶中重复的单据</translation>
    </message>
    <message>
        <source>recording bills&apos; status in Kingdee</source>
        <translation>记录单据在金蝶中的状态</translation>
    </message>
    <message>
        <source>Bill %1 is no longer in Kingdee: someone deleted it there.</source>
        <translation>单据 %1 在金蝶中已不存在：有人在金蝶中删除了它。</translation>
    </message>
    <message>
        <source>sending a bill again</source>
        <translation>重新发送单据</translation>
    </message>
    <message>
        <source>Bill %1 is not recorded as gone from Kingdee; it was not changed.</source>
        <translation>单据 %1 未被记录为金蝶中已不存在；未作更改。</translation>
    </message>
    <message>
        <source>Bill %1 was deleted in Kingdee; the clerk chose to send it again as a new bill.</source>
        <translation>单据 %1 已在金蝶中删除；操作员选择将其作为新单据重新发送。</translation>
    </message>
    <message>
        <source>checking the connection</source>
        <translation>检查连接</translation>
    </message>
</context>
<context>
    <name>rs::StoreCopy</name>
    <message>
        <source>%1 holds an amount that is not a number: &quot;%2&quot;.</source>
        <translation>%1 中有一个不是数字的金额：“%2”。</translation>
    </message>
    <message>
        <source>The amounts in %1 add up past what RebateSync can count.</source>
        <translation>%1 中的金额合计超出了返利同步台能计算的范围。</translation>
    </message>
    <message>
        <source>The two stores are at different schema versions (%1 and %2); open both with this version of RebateSync first.</source>
        <translation>两份数据的结构版本不同（%1 和 %2）；请先用本版本的返利同步台分别打开它们。</translation>
    </message>
    <message>
        <source>%1 is not empty (its table %2 has %3 rows). Nothing was copied: give the move an empty database, so no bill can be in two ledgers.</source>
        <translation>%1 不是空的（表 %2 有 %3 行）。未复制任何内容：请迁入一个空数据库，以免同一张单据出现在两个账本中。</translation>
    </message>
    <message>
        <source>After the copy, %1 has %2 rows in the source and %3 in %4. The source is unchanged.</source>
        <translation>复制后，%1 在源数据中有 %2 行，在 %4 中有 %3 行。源数据未改动。</translation>
    </message>
    <message>
        <source>After the copy, the amounts in %1 add up to %2 in the source but %3 in the ledger. The source is unchanged.</source>
        <translation>复制后，%1 的金额合计在源数据中为 %2，在共享账本中却为 %3。源数据未改动。</translation>
    </message>
</context>
<context>
    <name>rs::StoreForm</name>
    <message>
        <source>One clerk keeps the store on this computer. A team shares one ledger on a PostgreSQL server, so that every console and scheduled run sees the same applications and no bill is sent twice.</source>
        <translation>一位会计时，数据保存在本机即可。多人协作时共用 PostgreSQL 服务器上的一个共享账本：每个控制台和计划任务看到的是同一批申请，同一张单据不会被发送两次。</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>存储位置：</translation>
    </message>
    <message>
        <source>This computer (SQLite)</source>
        <translation>本机 SQLite</translation>
    </message>
    <message>
        <source>Team ledger (PostgreSQL)</source>
        <translation>共享账本 PostgreSQL</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Name or address of the database server</source>
        <translation>数据库服务器的名称或地址</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>An empty database created for RebateSync</source>
        <translation>为返利同步台新建的空数据库</translation>
    </message>
    <message>
        <source>Database user:</source>
        <translation>数据库用户：</translation>
    </message>
    <message>
        <source>Database password:</source>
        <translation>数据库密码：</translation>
    </message>
    <message>
        <source>A change of the store takes effect when RebateSync is started again.</source>
        <translation>存储位置的更改在重新启动返利同步台后生效。</translation>
    </message>
</context>
<context>
    <name>rs::Sync</name>
    <message>
        <source>application %1 is %2 in DingTalk, only approved applications are sent</source>
        <translation>申请 %1 在钉钉中为“%2”，只有审批通过的申请才会同步</translation>
    </message>
    <message>
        <source>Kingdee&apos;s status could not be read: %1</source>
        <translation>无法读取金蝶中的状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>Read %n bill(s) in Kingdee.</source>
        <translation>
            <numerusform>已读取金蝶中的 %n 张单据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer in Kingdee.</source>
        <translation>
            <numerusform>%n 张在金蝶中已不存在。</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced %1, failed %2, not sent %3</source>
        <translation>已同步 %1 张，失败 %2 张，未发送 %3 张</translation>
    </message>
    <message>
        <source>, in doubt %1</source>
        <translation>，待确认 %1 张</translation>
    </message>
    <message>
        <source>, not sendable %1</source>
        <translation>，无法发送 %1 项</translation>
    </message>
    <message>
        <source>. %n bill(s) saved, but not submitted or audited: %1</source>
        <translation>。%n 张已保存但未提交或审核：%1</translation>
    </message>
    <message>
        <source>. %n no longer in Kingdee</source>
        <translation>。%n 张在金蝶中已不存在</translation>
    </message>
    <message>
        <source>. %n in Kingdee twice</source>
        <translation>。%n 张在金蝶中重复</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>. Stopped: %1</source>
        <translation>。已中止：%1</translation>
    </message>
</context>
<context>
    <name>rs::SyncProgress</name>
    <message>
        <source>Stopping after the batches on the way…</source>
        <translation>正在停止，等待已发出的批次返回…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1 张/秒</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>约剩 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send nothing new; the batches already sent end normally</source>
        <translation>不再发送新批次；已发出的批次正常结束</translation>
    </message>
    <message>
        <source>Checking which bills Kingdee already holds…</source>
        <translation>正在核对金蝶已有单据…</translation>
    </message>
    <message>
        <source>Checking customers and organisations in Kingdee…</source>
        <translation>正在核对金蝶中的客户与组织…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <comment>bills to Kingdee</comment>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Waiting for Kingdee to confirm…</source>
        <translation>正在等待金蝶确认…</translation>
    </message>
    <message>
        <source>Kingdee is busy: waiting to send again…</source>
        <translation>金蝶繁忙，等待重新发送…</translation>
    </message>
    <message>
        <source>Checking Kingdee for bills held twice…</source>
        <translation>正在核对金蝶中是否有重复单据…</translation>
    </message>
    <message>
        <source>Submitting and auditing in Kingdee…</source>
        <translation>正在金蝶中提交、审核…</translation>
    </message>
    <message>
        <source>Reading the bills&apos; status in Kingdee…</source>
        <translation>正在读取单据在金蝶中的状态…</translation>
    </message>
    <message>
        <source>Writing comments in DingTalk…</source>
        <translation>正在写回钉钉评论…</translation>
    </message>
    <message>
        <source>%v / %m bills</source>
        <translation>%v / %m 张单据</translation>
    </message>
    <message>
        <source>%v / %m applications</source>
        <translation>%v / %m 份申请</translation>
    </message>
</context>
<context>
    <name>rs::TrayNotifier</name>
    <message>
        <source>RebateSync</source>
        <translation>返利同步台</translation>
    </message>
</context>
<context>
    <name>rs::TrialView</name>
    <message>
        <source>The scheme cannot be loaded: %1</source>
        <translation>方案无法加载：%1</translation>
    </message>
    <message>
        <source>There is no stored application to try the scheme on; fetch approvals first.</source>
        <translation>没有已存储的申请可以试用方案；请先拉取审批。</translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s), no issues.</source>
        <translation>
            <numerusform>%n 张单据，没有问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bill(s), </source>
        <translation>
            <numerusform>%n 张单据，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s) keep bills back:</source>
        <translation>
            <numerusform>%n 个问题拦下了单据：</numerusform>
        </translation>
    </message>
    <message>
        <source>Preview on a stored application</source>
        <translation>在已存储的申请上预览</translation>
    </message>
</context>
<context>
    <name>rs::ValueMapCsv</name>
    <message>
        <source>Source value</source>
        <translation>来源值</translation>
    </message>
    <message>
        <source>Kingdee value</source>
        <translation>金蝶值</translation>
    </message>
</context>
<context>
    <name>rs::ValueMapEditor</name>
    <message>
        <source>There is already a value map &quot;%1&quot;.</source>
        <translation>已有值映射“%1”。</translation>
    </message>
    <message>
        <source>New value map</source>
        <translation>新建值映射</translation>
    </message>
    <message>
        <source>Name of the map (fields name it in &quot;map&quot;):</source>
        <translation>映射名称（字段在 &quot;map&quot; 中引用它）：</translation>
    </message>
    <message>
        <source>Choose or add a value map first.</source>
        <translation>请先选择或添加一个值映射。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Import a value map</source>
        <translation>导入值映射</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the value map</source>
        <translation>导出值映射</translation>
    </message>
    <message>
        <source>A field with a value map sends the Kingdee value of its source value; a value not in the map is an issue on the bill.</source>
        <translation>使用值映射的字段发送其来源值对应的金蝶值；不在映射中的值是单据上的问题。</translation>
    </message>
    <message>
        <source>New map…</source>
        <translation>新建映射…</translation>
    </message>
    <message>
        <source>Delete map</source>
        <translation>删除映射</translation>
    </message>
    <message>
        <source>Source value</source>
        <translation>来源值</translation>
    </message>
    <message>
        <source>Kingdee value</source>
        <translation>金蝶值</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>CSV files and Excel workbooks (*.csv *.xlsx);;All files (*)</source>
        <translation>CSV 文件和 Excel 工作簿 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import CSV / .xlsx…</source>
        <translation>导入 CSV / .xlsx…</translation>
    </message>
</context>
<context>
    <name>rs::ValueMapImport</name>
    <message>
        <source>Row %1 has %2 cells; each row needs two: the source value and the Kingdee value.</source>
        <translation>第 %1 行有 %2 个单元格；每行需要两个：来源值和金蝶值。</translation>
    </message>
    <message>
        <source>Row %1 has no source value.</source>
        <translation>第 %1 行没有来源值。</translation>
    </message>
    <message>
        <source>Row %1: &quot;%2&quot; is listed twice (first in row %3).</source>
        <translation>第 %1 行：“%2”出现了两次（第一次在第 %3 行）。</translation>
    </message>
    <message>
        <source>There is no row under the header, so nothing to import: the map is left as it was.</source>
        <translation>表头下面没有任何行，没有可导入的内容：映射表保持不变。</translation>
    </message>
</context>
<context>
    <name>rs::alerts::AlertDispatcher</name>
    <message>
        <source>Failures in a run</source>
        <translation>单次运行失败</translation>
    </message>
    <message>
        <source>Configuration or sign-in failures</source>
        <translation>配置或登录失败</translation>
    </message>
    <message>
        <source>DingTalk quota</source>
        <translation>钉钉调用配额</translation>
    </message>
    <message>
        <source>Bills in doubt</source>
        <translation>待确认单据</translation>
    </message>
    <message>
        <source>Test alerts</source>
        <translation>测试告警</translation>
    </message>
    <message numerus="yes">
        <source>RebateSync: %n alert(s) in one message</source>
        <translation>
            <numerusform>返利同步台：合并发送 %n 条告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Bills in Kingdee twice</source>
        <translation>金蝶中重复的单据</translation>
    </message>
</context>
<context>
    <name>rs::alerts::AlertRules</name>
    <message>
        <source>RebateSync: fetching from DingTalk failed (configuration or sign-in)</source>
        <translation>返利同步台：从钉钉拉取失败（配置或登录问题）</translation>
    </message>
    <message numerus="yes">
        <source>RebateSync: %n application(s) could not be fetched</source>
        <translation>
            <numerusform>返利同步台：%n 张申请未能拉取</numerusform>
        </translation>
    </message>
    <message>
        <source>RebateSync: sync to Kingdee failed (configuration or sign-in)</source>
        <translation>返利同步台：同步到金蝶失败（配置或登录问题）</translation>
    </message>
    <message numerus="yes">
        <source>RebateSync: %n bill(s) failed in Kingdee</source>
        <translation>
            <numerusform>返利同步台：%n 张单据在金蝶保存失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>RebateSync: %n bill(s) in doubt for more than %1 minutes</source>
        <translation>
            <numerusform>返利同步台：%n 张单据待确认已超过 %1 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Look them up in Kingdee (Retry failed reconciles them first): %1</source>
        <translation>请在金蝶中核对（“重试失败”会先自动核对）：%1</translation>
    </message>
    <message>
        <source>RebateSync: DingTalk calls this month at %1% of the quota</source>
        <translation>返利同步台：本月钉钉调用已达配额的 %1%</translation>
    </message>
    <message>
        <source>%1 of %2 calls used.</source>
        <translation>已用 %1 / %2 次。</translation>
    </message>
    <message>
        <source>RebateSync: DingTalk Stream pushes this month at %1% of the allowance</source>
        <translation>返利同步台：本月钉钉推送已用到额度的 %1%</translation>
    </message>
    <message>
        <source>%1 of %2 pushes received; past the allowance DingTalk stops pushing and only the sweeps find new approvals.</source>
        <translation>已收到 %1 条推送（额度 %2 条）；超出额度后钉钉不再推送，新的审批只能靠定时补查发现。</translation>
    </message>
    <message numerus="yes">
        <source>RebateSync: %n bill(s) are in Kingdee twice</source>
        <translation>
            <numerusform>返利同步台：%n 张单据在金蝶中重复</numerusform>
        </translation>
    </message>
    <message>
        <source>Another installation of RebateSync, or a person, sent these bills too; delete the extra ones in Kingdee: %1</source>
        <translation>另一套返利同步台或有人也发送了这些单据；请在金蝶中删除多出的单据：%1</translation>
    </message>
</context>
<context>
    <name>rs::alerts::Budget</name>
    <message>
        <source>At this pace the month&apos;s %1 DingTalk calls last until %2.</source>
        <translation>按目前的用量，本月 %1 次钉钉接口调用额度只够用到 %2。</translation>
    </message>
    <message>
        <source>At this pace the DingTalk calls last the month (about %1 of %2 by its end).</source>
        <translation>按目前的用量，钉钉接口调用额度够用到月底（月底约用 %1 次，额度 %2 次）。</translation>
    </message>
    <message>
        <source>At this pace the month&apos;s %1 Stream pushes last until %2.</source>
        <translation>按目前的用量，本月 %1 条推送额度只够用到 %2。</translation>
    </message>
    <message>
        <source>At this pace the Stream pushes last the month (about %1 of %2 by its end).</source>
        <translation>按目前的用量，推送额度够用到月底（月底约 %1 条，额度 %2 条）。</translation>
    </message>
    <message>
        <source>A fetch every %1 minutes does not fit this month&apos;s DingTalk calls: %2 more runs at about %3 calls each make %4 with the %5 used so far, over the %6 allowed. Choose a longer interval, or Stream intake.</source>
        <translation>每 %1 分钟拉取一次，本月的钉钉接口调用额度不够：还要运行 %2 次，每次约 %3 次调用，加上已用的 %5 次共 %4 次，超过额度 %6 次。请把间隔调长，或改用实时接收（Stream）。</translation>
    </message>
</context>
<context>
    <name>rs::alerts::RobotClient</name>
    <message>
        <source>The group robot is not set up: enter its address, access token and sign secret in Alerts and Schedule.</source>
        <translation>群机器人尚未设置：请在“告警与定时”中填写地址、Access Token 和加签密钥。</translation>
    </message>
    <message>
        <source>The group robot refused the message: %1 (errcode %2)</source>
        <translation>群机器人拒绝了消息：%1（errcode %2）</translation>
    </message>
    <message>
        <source>The group robot could not be reached: %1</source>
        <translation>无法连接群机器人：%1</translation>
    </message>
    <message>
        <source>The group robot answered something unexpected: %1</source>
        <translation>群机器人返回了无法识别的内容：%1</translation>
    </message>
</context>
<context>
    <name>rs::cli::CliAlerts</name>
    <message>
        <source>alerts: the group robot is on but its secrets cannot be read: %1</source>
        <translation>告警：已开启群机器人，但读不到它的密钥：%1</translation>
    </message>
    <message>
        <source>alerts: the group robot refused: %1</source>
        <translation>告警：群机器人拒收了消息：%1</translation>
    </message>
    <message>
        <source>alert: %1</source>
        <translation>告警：%1</translation>
    </message>
</context>
<context>
    <name>rs::cli::CliApp</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Usage: rebatesync-cli [--profile DIR] COMMAND [options]

Moves approved DingTalk rebate applications into Kingdee as other receivable bills.

Options:
  --profile DIR   folder with settings.ini, the database and schemes
                  (default: %1)
  -h, --help      show this help
  -v, --version   show the version

Commands:
  fetch [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                  pull approval instances from DingTalk
  list [--state STATE] [--json]   applications with approval and sync state
  preview ID [--json]             the Kingdee bills (BatchSave body) application
                                  ID makes under the configured scheme, with
                                  its issues; exit 1 when it has issues or no bill
  sync (--all-pending | ID...) [--dry-run]
                                  push bills to Kingdee, one line per bill
  reverse ID... [--dry-run]       reverse those applications&apos; bills in Kingdee:
                                  delete, or book a reversing bill KEY-R
  reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--xlsx FILE]
                                  the store&apos;s bills of a period (default: last
                                  month) against Kingdee&apos;s; exit 1 on differences
  status [--json]                 counts per state, API calls, DingTalk usage
  watch [--seconds N]             receive DingTalk approvals as they end (Stream
                                  mode) and store them, one line each, until
                                  Ctrl+C or N seconds
  secret set NAME                 store a secret read from standard input in the
                                  system keychain; NAME: %2
  store migrate --to postgresql   copy this profile&apos;s SQLite store into the empty
                                  PostgreSQL ledger [store] names, and check it

Exit codes: 0 ok, 1 some items failed, 2 configuration or authentication error, 3 partial.
</source>
        <translation>用法：rebatesync-cli [--profile DIR] 命令 [选项]

将钉钉中已审批通过的返利发放申请，作为其他应收单写入金蝶云星空。

选项：
  --profile DIR   存放 settings.ini、数据库和映射方案的文件夹
                  （默认：%1）
  -h, --help      显示本帮助
  -v, --version   显示版本

命令：
  fetch [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                  从钉钉拉取审批实例
  list [--state STATE] [--json]   列出申请及其审批状态和同步状态
  preview ID [--json]             按当前映射方案显示申请 ID 生成的金蝶单据
                                  （BatchSave 请求体）及其问题；有问题或
                                  没有单据时退出码为 1
  sync (--all-pending | ID...) [--dry-run]
                                  把单据推送到金蝶，每张单据输出一行
  reverse ID... [--dry-run]       冲销这些申请在金蝶中的单据：
                                  能删除就删除，否则开一张红字单 KEY-R
  reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--xlsx FILE]
                                  把一段时间（默认上个月）的本地单据与金蝶
                                  核对；有差异时退出码为 1
  status [--json]                 各状态数量、接口调用次数、本月钉钉用量
  watch [--seconds N]             实时接收钉钉审批结果（Stream 模式）并保存，
                                  每保存一条输出一行，直到按 Ctrl+C 或满 N 秒
  secret set NAME                 把从标准输入读取的密钥保存到系统钥匙串；
                                  NAME 可为：%2
  store migrate --to postgresql   把本配置的 SQLite 数据复制到 [store] 指定的
                                  空 PostgreSQL 共享账本，并核对

退出码：0 成功，1 部分条目失败，2 配置或认证错误，3 部分完成。
</translation>
    </message>
</context>
<context>
    <name>rs::cli::Context</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>There is no profile at %1. Give the folder of an existing profile with --profile, or open the console once to create it.</source>
        <translation>%1 处没有配置。请用 --profile 指定已有配置的文件夹，或先打开一次控制台以创建配置。</translation>
    </message>
</context>
<context>
    <name>rs::cli::FetchCommand</name>
    <message>
        <source>--%1 takes a date as YYYY-MM-DD, not &quot;%2&quot;.</source>
        <translation>--%1 需要 YYYY-MM-DD 格式的日期，而不是“%2”。</translation>
    </message>
    <message>
        <source>First submission day.</source>
        <translation>发起日期起。</translation>
    </message>
    <message>
        <source>Last submission day.</source>
        <translation>发起日期止。</translation>
    </message>
</context>
<context>
    <name>rs::cli::ListCommand</name>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>Only applications in STATE (an approval or sync state).</source>
        <translation>只列出处于 STATE 状态（审批状态或同步状态）的申请。</translation>
    </message>
    <message>
        <source>--state: &quot;%1&quot; is not a state. Use one of: %2.</source>
        <translation>--state：“%1”不是有效状态。可用值：%2。</translation>
    </message>
</context>
<context>
    <name>rs::cli::PreviewCommand</name>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>preview needs exactly one ID, the DingTalk process instance id (rebatesync-cli list shows them).</source>
        <translation>preview 需要且只需要一个 ID，即钉钉审批实例 ID（可用 rebatesync-cli list 查看）。</translation>
    </message>
    <message>
        <source>there is no application %1 in this profile; rebatesync-cli list shows the stored ones, fetch brings new ones.</source>
        <translation>此配置中没有申请 %1；rebatesync-cli list 可列出已保存的申请，fetch 可拉取新申请。</translation>
    </message>
    <message>
        <source>Application %1 (business id %2): %3</source>
        <translation>申请 %1（审批单号 %2）：%3</translation>
    </message>
    <message>
        <source>Scheme: %1</source>
        <translation>映射方案：%1</translation>
    </message>
    <message>
        <source>Bills: %1</source>
        <translation>单据数：%1</translation>
    </message>
    <message>
        <source>has errors, will not be sent</source>
        <translation>有错误，不会发送</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>可发送</translation>
    </message>
    <message>
        <source>not approved</source>
        <translation>未审批通过</translation>
    </message>
    <message>
        <source>BatchSave body:</source>
        <translation>BatchSave 请求体：</translation>
    </message>
    <message>
        <source>No issues.</source>
        <translation>没有问题。</translation>
    </message>
    <message>
        <source>Issues:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>application</source>
        <translation>申请</translation>
    </message>
</context>
<context>
    <name>rs::cli::ReconcileCommand</name>
    <message>
        <source>First day (default: last month&apos;s).</source>
        <translation>开始日期（默认：上个月第一天）。</translation>
    </message>
    <message>
        <source>Last day (default: last month&apos;s).</source>
        <translation>结束日期（默认：上个月最后一天）。</translation>
    </message>
    <message>
        <source>Print the report as JSON.</source>
        <translation>以 JSON 输出对账结果。</translation>
    </message>
    <message>
        <source>Also write the report to FILE.</source>
        <translation>同时把对账结果写入 FILE（Excel 文件）。</translation>
    </message>
    <message>
        <source>reconcile takes no arguments besides its options.</source>
        <translation>reconcile 只接受选项，不接受其他参数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (YYYY-MM-DD).</source>
        <translation>“%1”不是日期（格式 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>--from is after --to.</source>
        <translation>--from 晚于 --to。</translation>
    </message>
    <message>
        <source>%1 to %2: %3 matched, %4 differences; DingTalk %5, Kingdee %6.</source>
        <translation>%1 至 %2：一致 %3 张，差异 %4 处；钉钉合计 %5，金蝶合计 %6。</translation>
    </message>
</context>
<context>
    <name>rs::cli::ReverseCommand</name>
    <message>
        <source>Look the bills up in Kingdee and print what would be done; change nothing.</source>
        <translation>只在金蝶中查询单据并列出将要做的操作，不做任何改动。</translation>
    </message>
    <message>
        <source>Give the ids of the applications whose bills to reverse.</source>
        <translation>请给出要冲销单据的申请 ID。</translation>
    </message>
</context>
<context>
    <name>rs::cli::SecretCommand</name>
    <message>
        <source>usage: rebatesync-cli secret set NAME (NAME is one of: %1); the secret is read from standard input.</source>
        <translation>用法：rebatesync-cli secret set NAME（NAME 可为：%1）；密钥从标准输入读取。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a secret RebateSync keeps. Use one of: %2.</source>
        <translation>“%1”不是返利同步台保存的密钥名称。可用名称：%2。</translation>
    </message>
    <message>
        <source>Enter %1 (input is hidden), then press Enter: </source>
        <translation>请输入 %1（输入内容不会显示），然后按回车：</translation>
    </message>
    <message>
        <source>Nothing was read from standard input; %1 was not changed.</source>
        <translation>未从标准输入读到任何内容；%1未作改动。</translation>
    </message>
    <message>
        <source>Stored %1 in %2.</source>
        <translation>已将 %1 保存到%2。</translation>
    </message>
</context>
<context>
    <name>rs::cli::StatusCommand</name>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>申请：</translation>
    </message>
    <message>
        <source>Bills:</source>
        <translation>单据：</translation>
    </message>
    <message>
        <source>API calls this month (calls / errors / throttled):</source>
        <translation>本月接口调用（调用 / 出错 / 限流）：</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>DingTalk calls this month: %1</source>
        <translation>本月钉钉接口调用：%1 次</translation>
    </message>
    <message>
        <source>DingTalk Stream pushes this month: %1</source>
        <translation>本月钉钉 Stream 推送：%1 条</translation>
    </message>
</context>
<context>
    <name>rs::cli::StoreCommand</name>
    <message>
        <source>The driver to move to: postgresql.</source>
        <translation>要迁往的驱动：postgresql。</translation>
    </message>
    <message>
        <source>Usage: rebatesync-cli store migrate --to postgresql</source>
        <translation>用法：rebatesync-cli store migrate --to postgresql</translation>
    </message>
    <message>
        <source>There is no SQLite store to move at %1.</source>
        <translation>%1 处没有可迁移的 SQLite 数据。</translation>
    </message>
    <message>
        <source>Copied into %1 and checked: every table has the same rows, and the amounts add up to the same totals. %2 is unchanged. Set [store] driver=postgresql in every clerk&apos;s settings.ini to use the ledger.</source>
        <translation>已复制到 %1 并核对：每张表行数相同，金额合计一致。%2 未改动。请在每位会计的 settings.ini 中设置 [store] driver=postgresql 以使用共享账本。</translation>
    </message>
</context>
<context>
    <name>rs::cli::SyncCommand</name>
    <message>
        <source>Every approved application not yet synced.</source>
        <translation>所有已审批通过但尚未同步的申请。</translation>
    </message>
    <message>
        <source>Print what would be sent; send and change nothing.</source>
        <translation>只显示将要发送的内容，不发送也不做任何更改。</translation>
    </message>
    <message>
        <source>Give either --all-pending or the ids of the applications to sync.</source>
        <translation>请给出 --all-pending，或要同步的申请 ID（二者选一）。</translation>
    </message>
    <message>
        <source>No DingTalk comment written: %1</source>
        <translation>未写入钉钉评论：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n DingTalk comment(s) refused; the next sync tries again.</source>
        <translation>
            <numerusform>%n 条钉钉评论被拒绝；下次同步时重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n DingTalk comment(s) put off: the month&apos;s DingTalk calls would not last.</source>
        <translation>
            <numerusform>%n 条钉钉评论已推迟：本月钉钉调用量不够用。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::cli::WatchCommand</name>
    <message>
        <source>Stop after N seconds.</source>
        <translation>N 秒后停止。</translation>
    </message>
    <message>
        <source>--seconds takes a whole number of seconds above 0, not &quot;%1&quot;.</source>
        <translation>--seconds 需要大于 0 的整数秒数，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>rs::dingtalk::StreamClient</name>
    <message>
        <source>DingTalk did not open a connection: %1</source>
        <translation>钉钉未能建立连接：%1</translation>
    </message>
    <message>
        <source>The connection to DingTalk closed.</source>
        <translation>与钉钉的连接已断开。</translation>
    </message>
    <message>
        <source>The connection to DingTalk closed: %1</source>
        <translation>与钉钉的连接已断开：%1</translation>
    </message>
    <message>
        <source>DingTalk stopped answering keep-alive pings.</source>
        <translation>钉钉不再回应保活心跳。</translation>
    </message>
    <message>
        <source>DingTalk asked for a new connection: %1</source>
        <translation>钉钉要求重新建立连接：%1</translation>
    </message>
</context>
<context>
    <name>rs::report::ValueMapXlsx</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Source value</source>
        <translation>来源值</translation>
    </message>
    <message>
        <source>Kingdee value</source>
        <translation>金蝶值</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>rs::report::XlsxExport</name>
    <message>
        <source>Missing in Kingdee</source>
        <translation>金蝶中缺少</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Extra in Kingdee</source>
        <translation>金蝶中多出</translation>
    </message>
    <message>
        <source>Duplicate in Kingdee</source>
        <translation>金蝶中重复</translation>
    </message>
    <message>
        <source>Revoked, not reversed</source>
        <translation>已撤销但未冲销</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>差异类型</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Bill key</source>
        <translation>单据标识</translation>
    </message>
    <message>
        <source>Kingdee bill number</source>
        <translation>金蝶单据编号</translation>
    </message>
    <message>
        <source>DingTalk amount</source>
        <translation>钉钉金额</translation>
    </message>
    <message>
        <source>Kingdee amount</source>
        <translation>金蝶金额</translation>
    </message>
    <message>
        <source>Application id</source>
        <translation>申请 ID</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>rs::report::XlsxReader</name>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 is damaged: %2, line %3: %4.</source>
        <translation>%1 已损坏：%2 第 %3 行：%4。</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (.xlsx): it holds no workbook.</source>
        <translation>%1 不是 Excel 工作簿（.xlsx）：其中没有工作簿。</translation>
    </message>
    <message>
        <source>%1 has no worksheet.</source>
        <translation>%1 中没有工作表。</translation>
    </message>
    <message>
        <source>%1 is damaged: %2 is no cell reference.</source>
        <translation>%1 已损坏：%2 不是单元格引用。</translation>
    </message>
    <message>
        <source>%1 is damaged: cell %2 names a text that is not in the workbook.</source>
        <translation>%1 已损坏：单元格 %2 引用的文本不在工作簿中。</translation>
    </message>
    <message>
        <source>%1: cell %2 shows the Excel error %3; correct it in Excel first.</source>
        <translation>%1：单元格 %2 显示 Excel 错误 %3；请先在 Excel 中改正。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is an old Excel workbook (.xls) or one protected by a password: open it in Excel and save it as an Excel workbook (.xlsx) without a password.</source>
        <translation>%1 是旧版 Excel 工作簿（.xls）或受密码保护的工作簿：请在 Excel 中打开，另存为不带密码的 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>%1 is not an Excel workbook (.xlsx): %2.</source>
        <translation>%1 不是 Excel 工作簿（.xlsx）：%2。</translation>
    </message>
</context>
<context>
    <name>rs::report::ZipReader</name>
    <message>
        <source>it is not a zip archive</source>
        <translation>它不是 zip 压缩包</translation>
    </message>
    <message>
        <source>it is a ZIP64 archive, which no Excel workbook needs</source>
        <translation>它是 ZIP64 压缩包，Excel 工作簿不会用到这种格式</translation>
    </message>
    <message>
        <source>the archive is cut short or damaged</source>
        <translation>压缩包不完整或已损坏</translation>
    </message>
    <message>
        <source>it has no %1</source>
        <translation>其中没有 %1</translation>
    </message>
    <message>
        <source>it is protected by a password</source>
        <translation>它受密码保护</translation>
    </message>
    <message>
        <source>%1 is compressed in a way this program cannot read (method %2)</source>
        <translation>%1 的压缩方式本程序无法读取（方法 %2）</translation>
    </message>
    <message>
        <source>%1 is too large (%2 bytes)</source>
        <translation>%1 太大（%2 字节）</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 已损坏</translation>
    </message>
</context>
<context>
    <name>rs::sync::AfterSaveJob</name>
    <message>
        <source>no longer in Kingdee</source>
        <translation>金蝶中已没有这张单据</translation>
    </message>
    <message>
        <source>Kingdee did not change the status</source>
        <translation>金蝶没有改变单据状态</translation>
    </message>
    <message>
        <source>Saved, but the audit was refused: %1</source>
        <translation>已保存，但审核被拒绝：%1</translation>
    </message>
    <message>
        <source>Saved, but the submit was refused: %1</source>
        <translation>已保存，但提交被拒绝：%1</translation>
    </message>
    <message>
        <source>Audited in Kingdee</source>
        <translation>已在金蝶审核</translation>
    </message>
    <message>
        <source>Submitted in Kingdee</source>
        <translation>已在金蝶提交</translation>
    </message>
</context>
<context>
    <name>rs::sync::CommentWriteBack</name>
    <message>
        <source>DingTalk comment put off: at this pace the month&apos;s DingTalk calls would not last; the next sync tries again</source>
        <translation>钉钉评论已推迟：按当前速度本月钉钉调用量不够用；下次同步时重试</translation>
    </message>
    <message>
        <source>Commented on the DingTalk instance: %1</source>
        <translation>已在钉钉审批实例上评论：%1</translation>
    </message>
    <message>
        <source>DingTalk refused the comment; the next sync tries again: %1</source>
        <translation>钉钉拒绝了该评论；下次同步时重试：%1</translation>
    </message>
    <message>
        <source>No DingTalk comment written: %1</source>
        <translation>未写入钉钉评论：%1</translation>
    </message>
</context>
<context>
    <name>rs::sync::FetchJob</name>
    <message>
        <source>Fetching DingTalk instances submitted from %1 to %2.</source>
        <translation>正在拉取 %1 至 %2 发起的钉钉审批。</translation>
    </message>
    <message>
        <source>cancelled by the user</source>
        <translation>已被用户取消</translation>
    </message>
    <message>
        <source>Listing %1 to %2 failed, instances of that period may be missing: %3</source>
        <translation>列出 %1 至 %2 的审批失败，该时段的审批可能缺失：%3</translation>
    </message>
    <message>
        <source>Instance %1 could not be fetched; the next fetch tries again: %2</source>
        <translation>审批实例 %1 拉取失败，下次拉取会重试：%2</translation>
    </message>
    <message>
        <source>DingTalk&apos;s answer for instance %1 cannot be read (%2); it is kept with its raw text.</source>
        <translation>审批实例 %1 的钉钉应答无法解析（%2）；已保留原始内容。</translation>
    </message>
    <message>
        <source>Application %1 was revoked in DingTalk by %2 after its bill reached Kingdee: reverse the bill in Kingdee.</source>
        <translation>申请 %1 的单据已写入金蝶，之后在钉钉中被 %2 撤销：请在金蝶中冲销该单据。</translation>
    </message>
    <message>
        <source>Application %1 was revoked in DingTalk by %2; it will not be sent.</source>
        <translation>申请 %1 已在钉钉中被 %2 撤销，不会同步。</translation>
    </message>
    <message numerus="yes">
        <source>%n listed instance(s) are not in the store: %1</source>
        <translation>
            <numerusform>%n 条已列出的审批未入库：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Data quality check: approved application %1 cannot become a bill as it is: %2</source>
        <translation>数据质量校验：已审批申请 %1 按现有数据无法生成单据：%2</translation>
    </message>
    <message>
        <source>a revoke request</source>
        <translation>一张撤销申请</translation>
    </message>
    <message>
        <source>%1 The fetch stopped so that no more DingTalk calls are spent on answers that cannot be kept.</source>
        <translation>%1 拉取已停止，以免再花费钉钉调用次数去获取无法保存的结果。</translation>
    </message>
    <message>
        <source>the bills&apos; amounts add up to more than 38 digits</source>
        <translation>各单据金额合计超过 38 位</translation>
    </message>
    <message>
        <source>biz_action REVOKE</source>
        <translation>审批实例上的 biz_action REVOKE</translation>
    </message>
</context>
<context>
    <name>rs::sync::JobSetup</name>
    <message>
        <source>A PostgreSQL ledger needs %1 in settings.ini, and it is empty.</source>
        <translation>PostgreSQL 共享账本需要 settings.ini 中的 %1，但它是空的。</translation>
    </message>
</context>
<context>
    <name>rs::sync::PushJob</name>
    <message>
        <source>would be sent (dry run)</source>
        <translation>将会发送（演练）</translation>
    </message>
    <message>
        <source>no such application</source>
        <translation>没有这个申请</translation>
    </message>
    <message>
        <source>Kingdee already holds this bill (%1); it was not sent again.</source>
        <translation>金蝶中已有此单据（%1），未再次发送。</translation>
    </message>
    <message>
        <source>Not in Kingdee: queued to be sent again.</source>
        <translation>金蝶中没有此单据：已重新排队发送。</translation>
    </message>
    <message>
        <source>The answer was lost (%1); the bill will be looked up in Kingdee before it is sent again.</source>
        <translation>应答丢失（%1）；再次发送前会先在金蝶中查找该单据。</translation>
    </message>
    <message>
        <source>Another sync is running on this store; try again when it has finished.</source>
        <translation>另一个同步正在使用这份数据；请等它结束后再试。</translation>
    </message>
    <message>
        <source>Not in Kingdee, and its application is no longer approved: it will not be sent.</source>
        <translation>金蝶中没有此单据，且其申请已不再是审批通过状态：不会发送。</translation>
    </message>
    <message>
        <source>Kingdee cannot look bills up by %1: %2</source>
        <translation>金蝶无法按 %1 查找单据：%2</translation>
    </message>
    <message>
        <source>Kingdee could not save it now (%1); sending again.</source>
        <translation>金蝶暂时无法保存（%1），稍后重新发送。</translation>
    </message>
    <message>
        <source>Kingdee saved nothing (%1).</source>
        <translation>金蝶未保存任何内容（%1）。</translation>
    </message>
    <message>
        <source>Kingdee could not be asked which bills it already holds, so they were not sent: %1</source>
        <translation>无法向金蝶查询哪些单据已存在，因此未发送：%1</translation>
    </message>
    <message>
        <source>Customers and organisations could not be checked in Kingdee before sending (%1); Kingdee checks them itself as it saves.</source>
        <translation>发送前未能在金蝶中核对客户和组织（%1）；金蝶保存时会自行校验。</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Not sent in this run; still failed: %1</source>
        <translation>本次运行未发送，仍为失败：%1</translation>
    </message>
    <message>
        <source>Not sent in this run; pending again.</source>
        <translation>本次运行未发送，已恢复为待同步。</translation>
    </message>
    <message>
        <source>another run on this ledger is sending it</source>
        <translation>共享账本上的另一次运行正在发送它</translation>
    </message>
    <message>
        <source>Kingdee holds this bill %1 times (%2): another installation of RebateSync, or a person, sent it too. Delete the extra bills in Kingdee; RebateSync keeps %3.</source>
        <translation>金蝶中这张单据有 %1 张（%2）：另一套返利同步台或有人也发送了它。请在金蝶中删除多出的单据；返利同步台保留 %3。</translation>
    </message>
    <message numerus="yes">
        <source>Sync started: %n application(s), %1 bill(s) to send.</source>
        <translation>
            <numerusform>开始同步：%n 张申请，%1 张单据待发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync ended: %1</source>
        <translation>同步结束：%1</translation>
    </message>
</context>
<context>
    <name>rs::sync::ReverseJob</name>
    <message>
        <source>no bills of this application are stored</source>
        <translation>本地没有这个申请的单据</translation>
    </message>
    <message>
        <source>Kingdee&apos;s answer to this bill was lost; run sync first to settle it</source>
        <translation>这张单据发送后金蝶的答复丢失了；请先运行同步查清</translation>
    </message>
    <message>
        <source>never saved in Kingdee</source>
        <translation>从未保存到金蝶</translation>
    </message>
    <message>
        <source>Kingdee does not settle; try again later</source>
        <translation>金蝶的状态一直没有确定；请稍后再试</translation>
    </message>
    <message>
        <source>the answer to the reversing bill was lost and Kingdee does not show it yet; run reverse again to look it up (it is not sent twice)</source>
        <translation>红字单的答复丢失了，金蝶中暂时查不到；请再运行一次冲销来查询（不会重复开单）</translation>
    </message>
    <message>
        <source>the bill&apos;s content is not stored</source>
        <translation>本地没有保存这张单据的内容</translation>
    </message>
    <message>
        <source>Reversed: deleted in Kingdee</source>
        <translation>已冲销：已在金蝶删除</translation>
    </message>
    <message>
        <source>Reversed by the reversing bill %1</source>
        <translation>已冲销：红字单 %1</translation>
    </message>
</context>
<context>
    <name>rs::sync::StreamIntake</name>
    <message>
        <source>Re-reading %1 of %2 synced approvals for a revocation; the month&apos;s DingTalk calls leave room for no more.</source>
        <translation>为查找撤销，重新读取 %2 条已同步审批中的 %1 条；本月钉钉调用次数只够这些。</translation>
    </message>
    <message numerus="yes">
        <source>Re-reading %n synced approval(s) of the last three weeks for a revocation.</source>
        <translation>
            <numerusform>为查找撤销，重新读取最近三周的 %n 条已同步审批。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rs::sync::SweepPolicy</name>
    <message>
        <source>Reconnected after a short gap: DingTalk delivers again what it could not deliver, no sweep.</source>
        <translation>短暂断开后已重连：钉钉会重新推送未送达的事件，不做补漏扫描。</translation>
    </message>
    <message>
        <source>Sweep put off: at this pace the month&apos;s DingTalk calls will not last (about %1 of %2), so sweeps are two days apart.</source>
        <translation>补漏扫描已推迟：按目前的用量，本月钉钉调用额度不够用（约 %1 次，额度 %2 次），扫描改为每两天一次。</translation>
    </message>
    <message>
        <source>Sweep skipped: %1 of the month&apos;s %2 DingTalk calls are used; what is left is kept for the events.</source>
        <translation>已跳过补漏扫描：本月 %2 次钉钉调用额度已用 %1 次，余下的留给推送事件。</translation>
    </message>
</context>
<context>
    <name>rs::sync::SyncRunner</name>
    <message>
        <source>Stopped before it started.</source>
        <translation>任务在开始前已停止。</translation>
    </message>
</context>
</TS>
