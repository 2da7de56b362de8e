<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>naqsh::AddPathDialog</name>
    <message>
        <source>Add path to the comparison</source>
        <translation>افزودن مسیر به مقایسه</translation>
    </message>
    <message>
        <source>B, compared with A</source>
        <translation>B، در مقایسه با A</translation>
    </message>
    <message>
        <source>A, the reference</source>
        <translation>A، مرجع</translation>
    </message>
    <message>
        <source>Neither (just keep it)</source>
        <translation>هیچ‌کدام (فقط نگه داشته شود)</translation>
    </message>
    <message>
        <source>First layer of the branch:</source>
        <translation>نخستین لایه شاخه:</translation>
    </message>
    <message>
        <source>Last layer of the branch:</source>
        <translation>آخرین لایه شاخه:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Use as:</source>
        <translation>کاربرد:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) on this path: %1</source>
        <translation>
            <numerusform>%n لایه در این مسیر: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No path leads from &apos;%1&apos; to &apos;%2&apos;: pick the first layer of the branch, then a layer after it.</source>
        <translation>هیچ مسیری از «%1» به «%2» نمی‌رسد: نخستین لایه شاخه را برگزینید، سپس لایه‌ای پس از آن.</translation>
    </message>
    <message>
        <source>The document has no layers yet.</source>
        <translation>سند هنوز هیچ لایه‌ای ندارد.</translation>
    </message>
</context>
<context>
    <name>naqsh::Analysis</name>
    <message>
        <source>no numbers: layer &apos;%1&apos; upstream has an error</source>
        <translation>بدون عدد: لایه «%1» در مسیر بالادست خطا دارد</translation>
    </message>
    <message>
        <source>unknown layer type &quot;%1&quot;</source>
        <translation>نوع لایه ناشناخته: «%1»</translation>
    </message>
    <message>
        <source>this layer is part of a cycle: data would flow in a loop</source>
        <translation>این لایه بخشی از یک دور است: داده در یک حلقه می‌چرخید</translation>
    </message>
    <message>
        <source>no input: connect a layer to it</source>
        <translation>بدون ورودی: یک لایه به آن وصل کنید</translation>
    </message>
    <message numerus="yes">
        <source>needs at least %n input(s)</source>
        <translation>
            <numerusform>دست‌کم به %n ورودی نیاز دارد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>takes at most %n input(s)</source>
        <translation>
            <numerusform>حداکثر %n ورودی می‌پذیرد</numerusform>
        </translation>
    </message>
    <message>
        <source>the costs of this layer are too large to count in 64 bits</source>
        <translation>هزینه‌های این لایه بزرگ‌تر از آن است که در 64 بیت شمرده شود</translation>
    </message>
    <message numerus="yes">
        <source>input %1 comes from output %2 of &apos;%3&apos;, which has only %n output(s)</source>
        <translation>
            <numerusform>ورودی %1 از خروجی %2 لایه «%3» می‌آید، اما آن لایه فقط %n خروجی دارد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>naqsh::BlockItem</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>%1 params · %2 MACs</source>
        <translation>%1 پارامتر، %2 MAC</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) · %1 activations</source>
        <translation>
            <numerusform>%n لایه، %1 فعال‌سازی</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) without numbers are left out of these totals</source>
        <translation>
            <numerusform>%n لایهٔ بی‌عدد در این جمع‌ها به حساب نیامده است</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to expand</source>
        <translation>برای باز کردن دوبار کلیک کنید</translation>
    </message>
    <message>
        <source>Double-click to collapse</source>
        <translation>برای جمع کردن دوبار کلیک کنید</translation>
    </message>
</context>
<context>
    <name>naqsh::Blocks</name>
    <message>
        <source>expected a block id (a positive whole number)</source>
        <translation>شناسه بلوک (یک عدد صحیح مثبت) انتظار می‌رفت</translation>
    </message>
    <message>
        <source>block id %1 is used twice</source>
        <translation>شناسه بلوک %1 دو بار به کار رفته است</translation>
    </message>
    <message>
        <source>expected a non-empty name</source>
        <translation>نامی ناتهی انتظار می‌رفت</translation>
    </message>
    <message>
        <source>no layer has id %1; a block holds layers</source>
        <translation>هیچ لایه‌ای شناسه %1 ندارد؛ بلوک لایه‌ها را در بر می‌گیرد</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is listed twice in this block</source>
        <translation>لایه «%1» دو بار در این بلوک آمده است</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is already in block &apos;%2&apos;; a layer is in at most one innermost block</source>
        <translation>لایه «%1» از پیش در بلوک «%2» است؛ هر لایه دست‌بالا در یک بلوک درونی‌ترین است</translation>
    </message>
    <message>
        <source>no block has id %1</source>
        <translation>هیچ بلوکی شناسه %1 ندارد</translation>
    </message>
    <message>
        <source>the blocks nest in a cycle (%1); blocks must form a tree</source>
        <translation>بلوک‌ها در یک چرخه تودرتو شده‌اند (%1)؛ بلوک‌ها باید یک درخت بسازند</translation>
    </message>
    <message>
        <source>a block must hold at least one layer or block</source>
        <translation>هر بلوک باید دست‌کم یک لایه یا بلوک داشته باشد</translation>
    </message>
</context>
<context>
    <name>naqsh::Branches</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>naqsh::ChartExporter</name>
    <message>
        <source>could not write %1</source>
        <translation>نوشتن %1 ممکن نشد</translation>
    </message>
    <message>
        <source>%1 dpi</source>
        <translation>%1 dpi</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>صدور PNG</translation>
    </message>
    <message>
        <source>Resolution (300 dpi for print, 150 for slides):</source>
        <translation>وضوح (300 dpi برای چاپ، 150 برای اسلاید):</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>تصویرهای PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>سندهای PDF (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>تصویرهای برداری SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>صدور نمودار</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>نمی‌توان در %1 نوشت: %2</translation>
    </message>
    <message>
        <source>16:9 (slides)</source>
        <translation>۱۶:۹ (اسلاید)</translation>
    </message>
    <message>
        <source>4:3 (older projectors)</source>
        <translation>۴:۳ (ویدئوپروژکتورهای قدیمی‌تر)</translation>
    </message>
    <message>
        <source>As shown on screen</source>
        <translation>همان‌طور که روی صفحه است</translation>
    </message>
    <message>
        <source>Shape of the exported chart:</source>
        <translation>شکل نمودار صادرشده:</translation>
    </message>
</context>
<context>
    <name>naqsh::ChartsPanel</name>
    <message>
        <source>Totals</source>
        <translation>جمع‌ها</translation>
    </message>
    <message>
        <source>Per layer</source>
        <translation>به تفکیک لایه</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>پیمایش پارامتر</translation>
    </message>
    <message>
        <source>Parameters, operations and activation memory of each variant</source>
        <translation>پارامترها، عملیات و حافظه فعال‌سازی هر گونه</translation>
    </message>
    <message>
        <source>Each variant&apos;s bar split into its layers</source>
        <translation>ستون هر گونه، تفکیک‌شده به لایه‌هایش</translation>
    </message>
    <message>
        <source>How the variants&apos; costs change with one parameter, and where the bottleneck stops paying off</source>
        <translation>هزینه گونه‌ها با تغییر یک پارامتر چگونه عوض می‌شود، و تنگنا از کجا دیگر به‌صرفه نیست</translation>
    </message>
    <message>
        <source>Axis:</source>
        <translation>محور:</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>خطی</translation>
    </message>
    <message>
        <source>Logarithmic</source>
        <translation>لگاریتمی</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>نمایش:</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>MACs / FLOPs (by the convention)</source>
        <translation>MACها / FLOPs (بر اساس قرارداد)</translation>
    </message>
    <message>
        <source>Activation memory</source>
        <translation>حافظه فعال‌سازی</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>پیمایش:</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>لایه:</translation>
    </message>
    <message>
        <source>Parameter:</source>
        <translation>پارامتر:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>تا:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>گام:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>صدور</translation>
    </message>
    <message>
        <source>Save this chart as an image or a vector drawing</source>
        <translation>ذخیره این نمودار به‌صورت تصویر یا طرح برداری</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>تصویر PNG…</translation>
    </message>
    <message>
        <source>PDF document (vector)…</source>
        <translation>سند PDF (برداری)…</translation>
    </message>
    <message>
        <source>SVG drawing (vector)…</source>
        <translation>طرح SVG (برداری)…</translation>
    </message>
    <message>
        <source>A · %1</source>
        <translation>A · %1</translation>
    </message>
    <message>
        <source>B · %1</source>
        <translation>B · %1</translation>
    </message>
    <message>
        <source>FLOPs (%1)</source>
        <translation>FLOPs (%1)</translation>
    </message>
    <message>
        <source>Activation memory (%1)</source>
        <translation>حافظه فعال‌سازی (%1)</translation>
    </message>
    <message>
        <source>%1 bytes (%2)</source>
        <translation>%1 بایت (%2)</translation>
    </message>
    <message>
        <source>%1, layer by layer</source>
        <translation>%1، لایه به لایه</translation>
    </message>
    <message>
        <source>other layers</source>
        <translation>لایه‌های دیگر</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n other layer(s)</source>
        <translation>
            <numerusform>%1: %n لایه دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>دلخواه</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more layer(s))</source>
        <translation>
            <numerusform> (و %n لایه دیگر)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as %2 goes from %3 to %4</source>
        <translation>%1 با تغییر %2 از %3 تا %4</translation>
    </message>
    <message>
        <source>%1 (reference)</source>
        <translation>%1 (مرجع)</translation>
    </message>
    <message>
        <source>B needs fewer %1 here</source>
        <translation>این‌جا %1 در B کمتر است</translation>
    </message>
    <message>
        <source>break-even ≈ %1</source>
        <translation>نقطه سربه‌سر ≈ %1</translation>
    </message>
    <message>
        <source>B stops paying off at ≈ %1: from there on it needs as many %2 as A.</source>
        <translation>B از حدود %1 دیگر به‌صرفه نیست: از آن‌جا به بعد %2 در B به اندازه A است.</translation>
    </message>
    <message>
        <source>No break-even in this range: B needs fewer %1 throughout.</source>
        <translation>در این بازه نقطه سربه‌سری نیست: در سراسر بازه %1 در B کمتر است.</translation>
    </message>
    <message>
        <source>No break-even in this range: B never needs fewer %1.</source>
        <translation>در این بازه نقطه سربه‌سری نیست: %1 در B هیچ‌جا کمتر نیست.</translation>
    </message>
    <message>
        <source>Add two variants to the comparison to find the break-even point.</source>
        <translation>برای یافتن نقطه سربه‌سر، دو گونه به مقایسه بیفزایید.</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>مقدار کنونی: %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>%1 MACs</source>
        <translation>%1 MAC</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 پارامتر</translation>
    </message>
    <message>
        <source>%1 than A</source>
        <translation>نسبت به A: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n other layer(s)</source>
        <translation>
            <numerusform>%n لایه دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of this variant</source>
        <translation>%1 از این گونه</translation>
    </message>
    <message>
        <source>unknown image format for %1; use .png, .pdf or .svg</source>
        <translation>قالب تصویر برای %1 ناشناخته است؛ ‎.png، ‎.pdf یا ‎.svg را به کار ببرید</translation>
    </message>
    <message>
        <source>Each bar as 100%</source>
        <translation>هر ستون به‌صورت 100%</translation>
    </message>
    <message>
        <source>Show each layer&apos;s share of its variant, to compare how the cost is spread rather than how large it is</source>
        <translation>سهم هر لایه از گونه‌اش را نشان می‌دهد، تا چگونگی پخش هزینه مقایسه شود نه بزرگی آن</translation>
    </message>
    <message>
        <source>%1, share of each layer</source>
        <translation>%1، سهم هر لایه</translation>
    </message>
    <message>
        <source>B needs fewer %1 than A from ≈ %2 on.</source>
        <translation>از حدود %2 به بعد، %1 در B کمتر از A است.</translation>
    </message>
    <message>
        <source>No single break-even in this range.</source>
        <translation>در این بازه یک نقطه سربه‌سر یگانه وجود ندارد.</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>اندازه‌گیری‌شده</translation>
    </message>
    <message>
        <source>Measured time against counted MACs, layer by layer (Run › Measure on This Computer)</source>
        <translation>زمان اندازه‌گیری‌شده در برابر MACهای شمرده‌شده، لایه به لایه (اجرا › اندازه‌گیری روی همین رایانه)</translation>
    </message>
</context>
<context>
    <name>naqsh::Cli</name>
    <message>
        <source>Output format: table, json, csv or markdown.</source>
        <translation>قالب خروجی: table، json، csv یا markdown.</translation>
    </message>
    <message>
        <source>FLOP convention: flops (2×MACs + other ops), 2macs, macs or torchinfo.</source>
        <translation>قرارداد شمارش FLOP: flops (2×MACs + عملیات دیگر)، 2macs، macs یا torchinfo.</translation>
    </message>
    <message>
        <source>Batch size N for every input (default: as in the file).</source>
        <translation>اندازه دسته N برای همه ورودی‌ها (پیش‌فرض: همان که در فایل آمده).</translation>
    </message>
    <message>
        <source>Activation type for memory: fp32, fp16 or int8.</source>
        <translation>نوع داده فعال‌سازی‌ها برای محاسبه حافظه: fp32، fp16 یا int8.</translation>
    </message>
    <message>
        <source>Language of messages and headers: en or fa.</source>
        <translation>زبان پیام‌ها و سرستون‌ها: en یا fa.</translation>
    </message>
    <message>
        <source>Use Latin digits even in Persian.</source>
        <translation>حتی در فارسی از ارقام لاتین استفاده شود.</translation>
    </message>
    <message>
        <source>unknown convention &quot;%1&quot;; use one of %2</source>
        <translation>قرارداد ناشناخته «%1»؛ یکی از این‌ها را به کار ببرید: %2</translation>
    </message>
    <message>
        <source>unknown dtype &quot;%1&quot;; use fp32, fp16 or int8</source>
        <translation>نوع داده ناشناخته «%1»؛ fp32، fp16 یا int8 را به کار ببرید</translation>
    </message>
    <message>
        <source>--batch must be a whole number from 1 to 1000000</source>
        <translation>مقدار --batch باید عدد صحیحی از 1 تا 1000000 باشد</translation>
    </message>
    <message>
        <source>unknown direction &quot;%1&quot;; use down or right</source>
        <translation>جهت ناشناخته «%1»؛ down یا right را به کار ببرید</translation>
    </message>
    <message>
        <source>naqsh-cli: %1</source>
        <translation>naqsh-cli: %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>فرمان ناشناخته «%1»</translation>
    </message>
    <message>
        <source>A .naqsh document, .onnx model or .prototxt network.</source>
        <translation>یک سند .naqsh، مدل .onnx یا شبکه .prototxt.</translation>
    </message>
    <message>
        <source>analyze takes exactly one file</source>
        <translation>فرمان analyze دقیقاً یک فایل می‌گیرد</translation>
    </message>
    <message>
        <source>naqsh-cli: %1: %2</source>
        <translation>naqsh-cli: %1: %2</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; use table, json, csv or markdown</source>
        <translation>قالب ناشناخته «%1»؛ table، json، csv یا markdown را به کار ببرید</translation>
    </message>
    <message>
        <source>error: layer &apos;%1&apos; (%2): %3</source>
        <translation>خطا: لایه «%1» (%2): %3</translation>
    </message>
    <message>
        <source>Name of the first comparison variant.</source>
        <translation>نام نخستین گونه مقایسه.</translation>
    </message>
    <message>
        <source>Name of the second comparison variant.</source>
        <translation>نام دومین گونه مقایسه.</translation>
    </message>
    <message>
        <source>One document with comparisons, or two documents.</source>
        <translation>یک سند دارای مقایسه، یا دو سند.</translation>
    </message>
    <message>
        <source>compare takes one document with comparisons, or two documents</source>
        <translation>فرمان compare یک سند دارای مقایسه یا دو سند می‌گیرد</translation>
    </message>
    <message>
        <source>naqsh-cli: no comparison named &quot;%1&quot; in %2; it has: %3</source>
        <translation>naqsh-cli: در %2 مقایسه‌ای به نام «%1» نیست؛ مقایسه‌های موجود: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>naqsh-cli: %1 defines fewer than two comparisons; name them with --a and --b or give two files</source>
        <translation>naqsh-cli: در %1 کمتر از دو مقایسه تعریف شده است؛ آن‌ها را با --a و --b نام ببرید یا دو فایل بدهید</translation>
    </message>
    <message>
        <source>naqsh-cli: %1: warning: %2</source>
        <translation>naqsh-cli: %1: هشدار: %2</translation>
    </message>
    <message>
        <source>The .naqsh document to write.</source>
        <translation>سند .naqsh که نوشته می‌شود.</translation>
    </message>
    <message>
        <source>Layout direction: down or right.</source>
        <translation>جهت چیدمان: down (رو به پایین) یا right (رو به راست).</translation>
    </message>
    <message>
        <source>An .onnx model or a .prototxt network.</source>
        <translation>یک مدل .onnx یا یک شبکه .prototxt.</translation>
    </message>
    <message>
        <source>convert takes exactly one input file</source>
        <translation>فرمان convert دقیقاً یک فایل ورودی می‌گیرد</translation>
    </message>
    <message>
        <source>convert needs an output file: -o OUT.naqsh</source>
        <translation>فرمان convert به یک فایل خروجی نیاز دارد: -o OUT.naqsh</translation>
    </message>
    <message numerus="yes">
        <source>wrote %1: %n layer(s)</source>
        <translation>
            <numerusform>%1 نوشته شد: %n لایه</numerusform>
        </translation>
    </message>
    <message>
        <source>operators with unknown cost: %1</source>
        <translation>عملگرهای با هزینه نامعلوم: %1</translation>
    </message>
    <message>
        <source>The .naqsh document to write (may be the input).</source>
        <translation>سند .naqsh که نوشته می‌شود (می‌تواند همان ورودی باشد).</translation>
    </message>
    <message>
        <source>A .naqsh document.</source>
        <translation>یک سند .naqsh.</translation>
    </message>
    <message>
        <source>layout takes exactly one input file</source>
        <translation>فرمان layout دقیقاً یک فایل ورودی می‌گیرد</translation>
    </message>
    <message>
        <source>layout needs an output file: -o OUT.naqsh</source>
        <translation>فرمان layout به یک فایل خروجی نیاز دارد: -o OUT.naqsh</translation>
    </message>
    <message>
        <source>Layer whose parameter is swept (repeat for several layers).</source>
        <translation>لایه‌ای که پارامترش پیمایش می‌شود (برای چند لایه تکرار کنید).</translation>
    </message>
    <message>
        <source>Whole-number parameter to sweep, e.g. out_channels; kernel_h,kernel_w sets both.</source>
        <translation>پارامتر عدد صحیحی که پیمایش می‌شود، مثلاً out_channels؛ kernel_h,kernel_w هر دو را تنظیم می‌کند.</translation>
    </message>
    <message>
        <source>First value.</source>
        <translation>نخستین مقدار.</translation>
    </message>
    <message>
        <source>Last value.</source>
        <translation>آخرین مقدار.</translation>
    </message>
    <message>
        <source>Step between values (default 1).</source>
        <translation>گام بین مقدارها (پیش‌فرض 1).</translation>
    </message>
    <message>
        <source>A .naqsh document (its comparisons are the series), .onnx model or .prototxt network.</source>
        <translation>یک سند .naqsh (مقایسه‌هایش سری‌های نمودارند)، مدل .onnx یا شبکه .prototxt.</translation>
    </message>
    <message>
        <source>sweep takes exactly one file</source>
        <translation>فرمان sweep دقیقاً یک فایل می‌گیرد</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; sweep writes table, json or csv</source>
        <translation>قالب ناشناخته «%1»؛ sweep فقط table، json یا csv می‌نویسد</translation>
    </message>
    <message>
        <source>sweep needs --layer NAME and --param KEY</source>
        <translation>فرمان sweep به --layer NAME و --param KEY نیاز دارد</translation>
    </message>
    <message>
        <source>sweep needs a range: --from A --to B</source>
        <translation>فرمان sweep به یک بازه نیاز دارد: --from A --to B</translation>
    </message>
    <message>
        <source>--%1 must be a whole number, not &quot;%2&quot;</source>
        <translation>مقدار --%1 باید عدد صحیح باشد، نه «%2»</translation>
    </message>
    <message>
        <source>naqsh-cli: no layer named &quot;%1&quot; in %2; it has: %3</source>
        <translation>naqsh-cli: در %2 لایه‌ای به نام «%1» نیست؛ لایه‌های موجود: %3</translation>
    </message>
    <message>
        <source>naqsh-cli: layer &apos;%1&apos; (%2) has no whole-number parameter &quot;%3&quot;; it has: %4</source>
        <translation>naqsh-cli: لایه «%1» (%2) پارامتر عدد صحیحی به نام «%3» ندارد؛ پارامترهای موجود: %4</translation>
    </message>
    <message>
        <source>Sweep of %1 · %2 from %3 to %4 (step %5); now %6</source>
        <translation>پیمایش %1 · %2 از %3 تا %4 (گام %5)؛ مقدار کنونی %6</translation>
    </message>
    <message>
        <source>%1 MACs</source>
        <translation>MACهای %1</translation>
    </message>
    <message>
        <source>%1 params</source>
        <translation>پارامترهای %1</translation>
    </message>
    <message>
        <source>%1 break-even at x ≈ %2</source>
        <translation>نقطه سربه‌سر %1 در x ≈ %2</translation>
    </message>
    <message>
        <source>no %1 break-even in this range</source>
        <translation>در این بازه نقطه سربه‌سر %1 وجود ندارد</translation>
    </message>
    <message>
        <source>%1 against %2: %3; %4.</source>
        <translation>%1 در برابر %2: %3؛ %4.</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Usage:
  naqsh-cli analyze FILE [--format table|json|csv|markdown] [--convention NAME] [--batch N] [--dtype fp32|fp16|int8]
  naqsh-cli compare FILE [--a NAME --b NAME] [--format table|json|csv|markdown]
  naqsh-cli compare FILE_A FILE_B
  naqsh-cli convert IN.onnx|IN.prototxt -o OUT.naqsh [--direction down|right]
  naqsh-cli layout IN.naqsh -o OUT.naqsh [--direction down|right]
  naqsh-cli sweep FILE --layer NAME --param KEY --from A --to B [--step S] [--format table|json|csv]
  naqsh-cli export FILE [--diagram OUT.svg|png|pdf] [--table OUT.csv|md|tex|html] [--compare-table OUT] [--code OUT.py]
                  [--lang fa|en] [--convention NAME] [--style screen|print] [--direction down|right] [--dpi N|--scale S]
FILE may be a .naqsh document, an ONNX model (.onnx) or a Caffe network (.prototxt).
Conventions: flops (default: 2×MACs + other operations), 2macs, macs, torchinfo.
Exit codes: 0 success, 1 the model has errors, 2 usage or file errors.
</source>
        <translation>طرز استفاده:
  naqsh-cli analyze FILE [--format table|json|csv|markdown] [--convention NAME] [--batch N] [--dtype fp32|fp16|int8]
  naqsh-cli compare FILE [--a NAME --b NAME] [--format table|json|csv|markdown]
  naqsh-cli compare FILE_A FILE_B
  naqsh-cli convert IN.onnx|IN.prototxt -o OUT.naqsh [--direction down|right]
  naqsh-cli layout IN.naqsh -o OUT.naqsh [--direction down|right]
  naqsh-cli sweep FILE --layer NAME --param KEY --from A --to B [--step S] [--format table|json|csv]
  naqsh-cli export FILE [--diagram OUT.svg|png|pdf] [--table OUT.csv|md|tex|html] [--compare-table OUT] [--code OUT.py]
                  [--lang fa|en] [--convention NAME] [--style screen|print] [--direction down|right] [--dpi N|--scale S]
FILE می‌تواند یک سند .naqsh، یک مدل ONNX (.onnx) یا یک شبکه Caffe (.prototxt) باشد.
قراردادها: flops (پیش‌فرض: 2×MACs + عملیات دیگر)، 2macs، macs، torchinfo.
کدهای خروج: 0 موفقیت، 1 مدل خطا دارد، 2 خطای طرز استفاده یا فایل.
</translation>
    </message>
    <message>
        <source>Write the diagram to FILE (.svg, .png or .pdf).</source>
        <translation>نمودار شبکه در FILE نوشته شود (.svg، .png یا .pdf).</translation>
    </message>
    <message>
        <source>Write the cost table to FILE (.csv, .md, .tex or .html).</source>
        <translation>جدول هزینه در FILE نوشته شود (.csv، .md، .tex یا .html).</translation>
    </message>
    <message>
        <source>Write the comparison of two variants to FILE (.csv, .md, .tex or .html).</source>
        <translation>مقایسه دو گونه در FILE نوشته شود (.csv، .md، .tex یا .html).</translation>
    </message>
    <message>
        <source>Write PyTorch code (an nn.Module) to FILE (.py).</source>
        <translation>کد PyTorch (یک nn.Module) در FILE نوشته شود (.py).</translation>
    </message>
    <message>
        <source>Language of headers, labels and digits: en or fa.</source>
        <translation>زبان سرستون‌ها، برچسب‌ها و ارقام: en یا fa.</translation>
    </message>
    <message>
        <source>Diagram title (default: the model&apos;s name).</source>
        <translation>عنوان نمودار (پیش‌فرض: نام مدل).</translation>
    </message>
    <message>
        <source>Draw no title.</source>
        <translation>عنوان کشیده نشود.</translation>
    </message>
    <message>
        <source>Draw no legend.</source>
        <translation>راهنمای نمودار کشیده نشود.</translation>
    </message>
    <message>
        <source>Leave tensor shapes off the edges.</source>
        <translation>شکل تانسورها روی یال‌ها نوشته نشود.</translation>
    </message>
    <message>
        <source>Leave parameters and MACs off the nodes.</source>
        <translation>پارامترها و MACها روی گره‌ها نوشته نشود.</translation>
    </message>
    <message>
        <source>Diagram direction: down or right.</source>
        <translation>جهت نمودار: down (رو به پایین) یا right (رو به راست).</translation>
    </message>
    <message>
        <source>Keep the document&apos;s node positions instead of a fresh layout.</source>
        <translation>جای گره‌ها همان‌گونه که در سند است بماند، به‌جای چیدمان تازه.</translation>
    </message>
    <message>
        <source>Diagram style: screen or print (black on white).</source>
        <translation>سبک نمودار: screen (نمایشگر) یا print (چاپ، سیاه روی سفید).</translation>
    </message>
    <message>
        <source>PNG: pixels per diagram unit (default 2).</source>
        <translation>PNG: تعداد پیکسل برای هر واحد نمودار (پیش‌فرض 2).</translation>
    </message>
    <message>
        <source>PNG: resolution in dots per inch (instead of --scale).</source>
        <translation>PNG: وضوح بر حسب نقطه در اینچ (به‌جای --scale).</translation>
    </message>
    <message>
        <source>PNG and SVG: transparent background instead of white.</source>
        <translation>PNG و SVG: پس‌زمینه شفاف به‌جای سفید.</translation>
    </message>
    <message>
        <source>SVG: draw text as outlines, so that every viewer shows the same thing.</source>
        <translation>SVG: متن به‌صورت خطوط کناره (outline) کشیده شود تا هر نمایشگری همان را نشان دهد.</translation>
    </message>
    <message>
        <source>Draw only these layers (names separated by commas).</source>
        <translation>فقط این لایه‌ها کشیده شوند (نام‌ها با ویرگول از هم جدا شوند).</translation>
    </message>
    <message>
        <source>export takes exactly one file</source>
        <translation>فرمان export دقیقاً یک فایل می‌گیرد</translation>
    </message>
    <message>
        <source>export needs at least one of --diagram, --table, --compare-table or --code</source>
        <translation>فرمان export دست‌کم به یکی از --diagram، --table، --compare-table یا --code نیاز دارد</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; use en or fa</source>
        <translation>زبان ناشناخته «%1»؛ en یا fa را به کار ببرید</translation>
    </message>
    <message>
        <source>unknown style &quot;%1&quot;; use screen or print</source>
        <translation>سبک ناشناخته «%1»؛ screen یا print را به کار ببرید</translation>
    </message>
    <message>
        <source>--scale must be a number from 0.1 to 16</source>
        <translation>مقدار --scale باید عددی از 0.1 تا 16 باشد</translation>
    </message>
    <message>
        <source>--dpi must be a whole number from 10 to 2400</source>
        <translation>مقدار --dpi باید عدد صحیحی از 10 تا 2400 باشد</translation>
    </message>
    <message>
        <source>unknown diagram format &quot;%1&quot;; use .svg, .png or .pdf</source>
        <translation>قالب نمودار ناشناخته «%1»؛ .svg، .png یا .pdf را به کار ببرید</translation>
    </message>
    <message>
        <source>unknown table format &quot;%1&quot;; use .csv, .md, .tex or .html</source>
        <translation>قالب جدول ناشناخته «%1»؛ .csv، .md، .tex یا .html را به کار ببرید</translation>
    </message>
    <message>
        <source>no layer named &quot;%1&quot; in %2</source>
        <translation>در %2 لایه‌ای به نام «%1» نیست</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1 نوشته شد</translation>
    </message>
    <message>
        <source>naqsh-cli: %1 has no such pair of comparisons; it has: %2</source>
        <translation>naqsh-cli: در %1 چنین جفت مقایسه‌ای نیست؛ مقایسه‌های موجود: %2</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>--layers needs at least one layer name (names separated by commas)</source>
        <translation>‏--layers دست‌کم به نام یک لایه نیاز دارد (نام‌ها با ویرگول جدا شوند)</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3</source>
        <translation>--%1 باید عددی صحیح از %2 تا %3 باشد</translation>
    </message>
    <message>
        <source>Output format: table, json or csv.</source>
        <translation>قالب خروجی: table، json یا csv.</translation>
    </message>
    <message>
        <source>Timed runs (default 5).</source>
        <translation>شمار اجراهای زمان‌سنجی‌شده (پیش‌فرض ۵).</translation>
    </message>
    <message>
        <source>Untimed runs first (default 1).</source>
        <translation>شمار اجراهای گرم‌کردن بدون زمان‌سنجی (پیش‌فرض ۱).</translation>
    </message>
    <message>
        <source>Threads (default 1).</source>
        <translation>شمار رشته‌های پردازشی (پیش‌فرض ۱).</translation>
    </message>
    <message>
        <source>Seed of the random weights and input (default 1).</source>
        <translation>بذر وزن‌ها و ورودی تصادفی (پیش‌فرض ۱).</translation>
    </message>
    <message>
        <source>Evict the CPU caches before every layer.</source>
        <translation>پیش از هر لایه، حافظه‌های نهان پردازنده خالی شوند.</translation>
    </message>
    <message>
        <source>run takes exactly one file</source>
        <translation>run دقیقاً یک پرونده می‌گیرد</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; run writes table, json or csv</source>
        <translation>قالب ناشناخته «%1»؛ run فقط table، json یا csv می‌نویسد</translation>
    </message>
    <message>
        <source>Measured on this computer: %1 thread(s), median of %2 runs after %3 warm-up(s), seed %4%5</source>
        <translation>اندازه‌گیری روی همین رایانه: %1 رشتهٔ پردازشی، میانهٔ %2 اجرا پس از %3 اجرای گرم‌کردن، بذر %4%5</translation>
    </message>
    <message>
        <source>, caches flushed before each layer</source>
        <translation>، با خالی‌کردن حافظهٔ نهان پیش از هر لایه</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>روش</translation>
    </message>
    <message>
        <source>Median ms</source>
        <translation>میانه (میلی‌ثانیه)</translation>
    </message>
    <message>
        <source>Spread ms</source>
        <translation>پراکندگی (میلی‌ثانیه)</translation>
    </message>
    <message>
        <source>GMAC/s</source>
        <translation>GMAC/s</translation>
    </message>
    <message>
        <source>MACs/byte</source>
        <translation>MAC بر بایت</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>اجرا نشد</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>not run: layer &apos;%1&apos; (%2): %3</source>
        <translation>اجرا نشد: لایهٔ «%1» (%2): %3</translation>
    </message>
    <message>
        <source>error: layer &apos;%1&apos; produced %2 but the analysis says %3</source>
        <translation>خطا: لایهٔ «%1» خروجی %2 داد، ولی تحلیل %3 می‌گوید</translation>
    </message>
    <message>
        <source>layer types that cannot run yet: %1</source>
        <translation>نوع لایه‌هایی که هنوز اجرا نمی‌شوند: %1</translation>
    </message>
    <message>
        <source>  naqsh-cli run FILE [--repeat N] [--warmup N] [--threads T] [--seed S] [--flush-caches] [--format table|json|csv]
      runs the model on this computer and prints measured times per layer; exit code 1 if a layer cannot run
</source>
        <translation>  naqsh-cli run FILE [--repeat N] [--warmup N] [--threads T] [--seed S] [--flush-caches] [--format table|json|csv]
      مدل را روی همین رایانه اجرا می‌کند و زمان اندازه‌گیری‌شدهٔ هر لایه را چاپ می‌کند؛ اگر لایه‌ای اجرا نشود، کد خروج ۱
</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n لایه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>naqsh::Commands</name>
    <message>
        <source>Delete connection</source>
        <translation>حذف اتصال</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>حذف %n مورد</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>قطع اتصال</translation>
    </message>
    <message numerus="yes">
        <source>Move %n layer(s)</source>
        <translation>
            <numerusform>جابه‌جایی %n لایه</numerusform>
        </translation>
    </message>
    <message>
        <source>only an unconnected layer can be dropped onto a connection</source>
        <translation>فقط لایه‌ای را که به جایی وصل نیست می‌توان روی یک اتصال رها کرد</translation>
    </message>
    <message>
        <source>%1 cannot sit inside a connection</source>
        <translation>%1 را نمی‌توان میان یک اتصال قرار داد</translation>
    </message>
    <message numerus="yes">
        <source>Group %n layer(s) as %1</source>
        <translation>
            <numerusform>گروه‌بندی %n لایه به نام %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Ungroup %1</source>
        <translation>لغو گروه‌بندی %1</translation>
    </message>
    <message>
        <source>Rename block %1 to %2</source>
        <translation>تغییر نام بلوک %1 به %2</translation>
    </message>
    <message>
        <source>Collapse %1</source>
        <translation>جمع کردن %1</translation>
    </message>
    <message>
        <source>Expand %1</source>
        <translation>باز کردن %1</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>حذف «%1»</translation>
    </message>
    <message>
        <source>Connect “%1” to “%2”</source>
        <translation>اتصال «%1» به «%2»</translation>
    </message>
    <message>
        <source>Set %1 of “%2”</source>
        <translation>تنظیم %1 در «%2»</translation>
    </message>
    <message>
        <source>Rename “%1” to “%2”</source>
        <translation>تغییر نام «%1» به «%2»</translation>
    </message>
    <message>
        <source>Insert “%1”</source>
        <translation>درج «%1»</translation>
    </message>
    <message>
        <source>Expand “%1” into layers</source>
        <translation>باز کردن «%1» به لایه‌ها</translation>
    </message>
</context>
<context>
    <name>naqsh::ComparePanel</name>
    <message>
        <source>B, compared with A</source>
        <translation>B، در مقایسه با A</translation>
    </message>
    <message>
        <source>A, the reference</source>
        <translation>A، مرجع</translation>
    </message>
    <message>
        <source>Neither (just keep it)</source>
        <translation>هیچ‌کدام (فقط نگه داشته شود)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Use as:</source>
        <translation>کاربرد:</translation>
    </message>
    <message>
        <source>A:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>Swap A and B</source>
        <translation>جابه‌جا کردن A و B</translation>
    </message>
    <message>
        <source>Variants in this document</source>
        <translation>گونه‌های این سند</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>کاربرد</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>محتوا</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <source>Add a variant to compare</source>
        <translation>افزودن یک گونه برای مقایسه</translation>
    </message>
    <message>
        <source>Add selection as variant…</source>
        <translation>افزودن لایه‌های انتخاب‌شده به‌عنوان گونه…</translation>
    </message>
    <message>
        <source>Add path…</source>
        <translation>افزودن مسیر…</translation>
    </message>
    <message>
        <source>Compare with another document…</source>
        <translation>مقایسه با سندی دیگر…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>انتقال به بالا</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>انتقال به پایین</translation>
    </message>
    <message>
        <source>Remove from the comparison</source>
        <translation>حذف از مقایسه</translation>
    </message>
    <message>
        <source>Double-click a name to rename the variant.</source>
        <translation>برای تغییر نام گونه روی نامش دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>Add comparison “%1”</source>
        <translation>افزودن مقایسه «%1»</translation>
    </message>
    <message>
        <source>Compare with “%1”</source>
        <translation>مقایسه با «%1»</translation>
    </message>
    <message>
        <source>Rename comparison to “%1”</source>
        <translation>تغییر نام مقایسه به «%1»</translation>
    </message>
    <message>
        <source>Remove comparison “%1”</source>
        <translation>حذف مقایسه «%1»</translation>
    </message>
    <message>
        <source>Move comparison “%1”</source>
        <translation>جابه‌جایی مقایسه «%1»</translation>
    </message>
    <message>
        <source>Select the layers of a variant first (on the canvas or in the cost table), then add them here.</source>
        <translation>نخست لایه‌های یک گونه را انتخاب کنید (روی بوم یا در جدول هزینه)، سپس آن‌ها را این‌جا بیفزایید.</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n لایه</numerusform>
        </translation>
    </message>
    <message>
        <source>Add selection as variant</source>
        <translation>افزودن لایه‌های انتخاب‌شده به‌عنوان گونه</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected layer(s) become one variant; their costs are added up.</source>
        <translation>
            <numerusform>%n لایه انتخاب‌شده یک گونه می‌شوند؛ هزینه‌هایشان با هم جمع می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with another document</source>
        <translation>مقایسه با سندی دیگر</translation>
    </message>
    <message>
        <source>Naqsh documents (*.naqsh)</source>
        <translation>سندهای نقش (*.naqsh)</translation>
    </message>
    <message>
        <source>Cannot compare with %1: %2</source>
        <translation>مقایسه با %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The whole model in %1 becomes one variant.</source>
        <translation>کل مدلِ %1 یک گونه می‌شود.</translation>
    </message>
    <message>
        <source>(removed layer)</source>
        <translation>(لایه حذف‌شده)</translation>
    </message>
    <message>
        <source>the layer %1</source>
        <translation>لایه %1</translation>
    </message>
    <message numerus="yes">
        <source>path %1 → %2, %n layer(s)</source>
        <translation>
            <numerusform>مسیر %1 ← %2، %n لایه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chosen layer(s): %1</source>
        <translation>
            <numerusform>%n لایه انتخاب‌شده: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>whole model in %1, %n layer(s)</source>
        <translation>
            <numerusform>کل مدلِ %1، %n لایه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) have errors and are not counted</source>
        <translation>
            <numerusform>%n لایه خطا دارد و شمرده نمی‌شود</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 compared with %2</source>
        <translation>%1 در مقایسه با %2</translation>
    </message>
    <message>
        <source>Compare variants</source>
        <translation>مقایسه گونه‌ها</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>کمیت</translation>
    </message>
    <message>
        <source>B relative to A</source>
        <translation>B نسبت به A</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more layer(s)</source>
        <translation>
            <numerusform>… و %n لایه دیگر</numerusform>
        </translation>
    </message>
    <message>
        <source>This document has no comparisons yet. Select the layers of one way to do something and choose Add ▸ Add selection as variant…, or pick a branch with Add ▸ Add path…. The lesson example already defines both paths.</source>
        <translation>این سند هنوز مقایسه‌ای ندارد. لایه‌های یک راه‌حل را انتخاب کنید و «افزودن ◂ افزودن لایه‌های انتخاب‌شده به‌عنوان گونه…» را بزنید، یا با «افزودن ◂ افزودن مسیر…» یک شاخه را برگزینید. مثال درس هر دو مسیر را از پیش تعریف کرده است.</translation>
    </message>
    <message>
        <source>Add a second variant to compare it with “%1”.</source>
        <translation>یک گونه دوم بیفزایید تا با «%1» مقایسه شود.</translation>
    </message>
    <message>
        <source>⚠ %1%2: %3</source>
        <translation>⚠ %1%2: %3</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %1%2: %n layer(s) have errors and are not counted</source>
        <translation>
            <numerusform>⚠ %1%2: %n لایه خطا دارد و شمرده نمی‌شود</numerusform>
        </translation>
    </message>
    <message>
        <source>A: %1 · B: %2</source>
        <translation>A: %1، B: %2</translation>
    </message>
    <message>
        <source>Run › Measure on This Computer to time both here</source>
        <translation>برای زمان‌سنجی هر دو در این‌جا: اجرا › اندازه‌گیری روی همین رایانه</translation>
    </message>
    <message>
        <source>not measured: some of their layers did not run</source>
        <translation>اندازه‌گیری نشد: برخی از لایه‌هایشان اجرا نشد</translation>
    </message>
    <message>
        <source>ran as fast here</source>
        <translation>این‌جا به همان سرعت اجرا شد</translation>
    </message>
    <message>
        <source>ran %1 faster here</source>
        <translation>این‌جا %1 سریع‌تر اجرا شد</translation>
    </message>
    <message>
        <source>ran %1 slower here</source>
        <translation>این‌جا %1 کندتر اجرا شد</translation>
    </message>
    <message>
        <source>(before the last edit)</source>
        <translation>(پیش از آخرین ویرایش)</translation>
    </message>
    <message>
        <source>Measured on this computer (%1): A %2 ms, B %3 ms, the median of %4 runs on %5 thread(s); each run&apos;s time is the sum of the variant&apos;s layers.</source>
        <translation>اندازه‌گیری روی همین رایانه (%1): A ‏%2 میلی‌ثانیه، B ‏%3 میلی‌ثانیه، میانهٔ %4 اجرا با %5 رشتهٔ پردازشی؛ زمان هر اجرا جمع زمان لایه‌های آن گونه است.</translation>
    </message>
    <message>
        <source>No branches to compare: select a layer that feeds two or more chains of layers (or a layer on one of them).</source>
        <translation>شاخه‌ای برای مقایسه نیست: لایه‌ای را انتخاب کنید که به دو یا چند زنجیرهٔ لایه داده می‌دهد (یا لایه‌ای روی یکی از آن‌ها).</translation>
    </message>
    <message>
        <source>Compare the branches</source>
        <translation>مقایسهٔ شاخه‌ها</translation>
    </message>
</context>
<context>
    <name>naqsh::Convention</name>
    <message>
        <source>FLOPs = 2×MACs + other operations</source>
        <translation>FLOPs = 2×MACs + عملیات دیگر</translation>
    </message>
    <message>
        <source>FLOPs = 2×MACs (as papers quote)</source>
        <translation>FLOPs = 2×MACs (آن‌گونه که در مقاله‌ها می‌آید)</translation>
    </message>
    <message>
        <source>MACs only (1 MAC = 1 operation)</source>
        <translation>فقط MACها (۱ MAC = ۱ عمل)</translation>
    </message>
    <message>
        <source>MACs with bias as a MAC (torchinfo)</source>
        <translation>MACها با شمردن بایاس به‌عنوان یک MAC (torchinfo)</translation>
    </message>
</context>
<context>
    <name>naqsh::CostTableModel</name>
    <message>
        <source>Trainable parameters: weights plus bias</source>
        <translation>پارامترهای آموزش‌پذیر: وزن‌ها به‌اضافه بایاس</translation>
    </message>
    <message>
        <source>Multiply-accumulate operations for the whole batch, bias excluded</source>
        <translation>عملیات ضرب-انباشت (MAC) برای کل دسته، بدون بایاس</translation>
    </message>
    <message>
        <source>Memory of each layer&apos;s output tensor in %1</source>
        <translation>حافظه تانسور خروجی هر لایه به صورت %1</translation>
    </message>
    <message>
        <source>Share of the model&apos;s FLOPs</source>
        <translation>سهم از FLOPs مدل</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>شکل خروجی</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>FLOPs (= MACs)</source>
        <translation>FLOPs (= MACها)</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Activation memory (%1)</source>
        <translation>حافظه فعال‌سازی (%1)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>سهم</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
    <message>
        <source>Naqsh cannot count the operations of this imported operator; the totals leave them out</source>
        <translation>«نقش» نمی‌تواند عملیات این عملگر واردشده را بشمارد؛ جمع‌های کل آن‌ها را در بر نمی‌گیرند</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>The totals leave out one layer without numbers</source>
        <translation>جمع‌های کل یک لایه بدون عدد را در بر نمی‌گیرند</translation>
    </message>
    <message>
        <source>The totals leave out %1 layers without numbers</source>
        <translation>جمع‌های کل %1 لایه بدون عدد را در بر نمی‌گیرند</translation>
    </message>
    <message>
        <source>Measured on this computer: the median time of the layer over the timed runs (Run › Measure on This Computer)</source>
        <translation>اندازه‌گیری روی همین رایانه: میانهٔ زمان لایه در اجراهای زمان‌سنجی‌شده (اجرا › اندازه‌گیری روی همین رایانه)</translation>
    </message>
    <message>
        <source>Spread of the measured time: the interquartile range over the timed runs</source>
        <translation>پراکندگی زمان اندازه‌گیری‌شده: دامنهٔ میان‌چارکی در اجراهای زمان‌سنجی‌شده</translation>
    </message>
    <message>
        <source>Billions of multiply-accumulates per second this layer achieved: MACs divided by its median time</source>
        <translation>میلیارد ضرب‌وجمع در ثانیه که این لایه به آن رسید: MACها تقسیم بر میانهٔ زمان آن</translation>
    </message>
    <message>
        <source>Arithmetic intensity: MACs per byte the layer reads and writes at least once (input, weights and output in float32). Few MACs per byte: the layer waits for memory, and achieves fewer GMAC/s</source>
        <translation>شدت محاسباتی: MACها به ازای هر بایتی که لایه دست‌کم یک بار می‌خواند و می‌نویسد (ورودی، وزن‌ها و خروجی در float32). MAC کم به ازای هر بایت یعنی لایه منتظر حافظه می‌ماند و به GMAC/s کمتری می‌رسد</translation>
    </message>
    <message>
        <source>How the executor computed the layer</source>
        <translation>روشی که اجراکننده لایه را با آن محاسبه کرد</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>زمان (میلی‌ثانیه)</translation>
    </message>
    <message>
        <source>Spread (ms)</source>
        <translation>پراکندگی (میلی‌ثانیه)</translation>
    </message>
    <message>
        <source>GMAC/s</source>
        <translation>GMAC/s</translation>
    </message>
    <message>
        <source>MACs/byte</source>
        <translation>MAC بر بایت</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>الگوریتم</translation>
    </message>
    <message>
        <source>Measured before the last edit of the network: choose Run › Measure on This Computer again</source>
        <translation>پیش از آخرین ویرایش شبکه اندازه‌گیری شده است: دوباره اجرا › اندازه‌گیری روی همین رایانه را بزنید</translation>
    </message>
    <message>
        <source>Not measured: the layer was added after the measurement</source>
        <translation>اندازه‌گیری نشده: این لایه پس از اندازه‌گیری افزوده شده است</translation>
    </message>
    <message>
        <source>Did not run: %1</source>
        <translation>اجرا نشد: %1</translation>
    </message>
    <message>
        <source>%1 MACs for %2 read and written</source>
        <translation>%1 MAC برای %2 خواندن و نوشتن</translation>
    </message>
    <message>
        <source>Median of %1 runs: from %2 ms to %3 ms</source>
        <translation>میانهٔ %1 اجرا: از %2 تا %3 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>اجرا نشد</translation>
    </message>
    <message>
        <source>The network&apos;s time: per run, the sum of every layer&apos;s time; the median over %1 runs</source>
        <translation>زمان شبکه: در هر اجرا، جمع زمان همهٔ لایه‌ها؛ میانه در %1 اجرا</translation>
    </message>
</context>
<context>
    <name>naqsh::CostTablePanel</name>
    <message>
        <source>&amp;FLOPs:</source>
        <translation>&amp;FLOPs:</translation>
    </message>
    <message>
        <source>&amp;Activations in:</source>
        <translation>&amp;فعال‌سازی‌ها به صورت:</translation>
    </message>
    <message>
        <source>How FLOPs are counted from MACs and the other operations; tools disagree, so Naqsh names the rule</source>
        <translation>چگونگی شمردن FLOPs از روی MACها و عملیات دیگر؛ ابزارها در این باره هم‌نظر نیستند، پس «نقش» قاعده را نام می‌برد</translation>
    </message>
    <message>
        <source>Element type used to turn activation counts into memory</source>
        <translation>نوع عنصر که برای تبدیل تعداد فعال‌سازی‌ها به حافظه به کار می‌رود</translation>
    </message>
    <message>
        <source>%1 (1 byte per value)</source>
        <translation>%1 (1 بایت برای هر مقدار)</translation>
    </message>
    <message>
        <source>%1 (%2 bytes per value)</source>
        <translation>%1 (%2 بایت برای هر مقدار)</translation>
    </message>
</context>
<context>
    <name>naqsh::Diagram</name>
    <message>
        <source>Network diagram made with Naqsh</source>
        <translation>نمودار شبکه، ساخته‌شده با «نقش»</translation>
    </message>
    <message>
        <source>unknown diagram format &quot;%1&quot;; use .svg, .png or .pdf</source>
        <translation>قالب نمودار ناشناخته «%1»؛ ‎.svg، ‎.png یا ‎.pdf را به کار ببرید</translation>
    </message>
    <message>
        <source>cannot draw the diagram for %1</source>
        <translation>کشیدن نمودار برای %1 ممکن نیست</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>%1 params · %2 MACs</source>
        <translation>%1 پارامتر، %2 MAC</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>N×C×H×W</source>
        <translation>N×C×H×W</translation>
    </message>
    <message>
        <source>tensor shape on an edge: batch × channels × height × width</source>
        <translation>شکل تانسور روی یال: دسته × کانال‌ها × ارتفاع × عرض</translation>
    </message>
    <message>
        <source>params: learned weights and biases · MACs: multiply-accumulates (one multiplication and one addition)</source>
        <translation>پارامتر: وزن‌ها و بایاس‌های یادگرفتنی؛ MAC: ضرب-انباشت (یک ضرب و یک جمع)</translation>
    </message>
    <message>
        <source>Total: %1 parameters, %2 MACs</source>
        <translation>جمع کل: %1 پارامتر، %2 MAC</translation>
    </message>
    <message>
        <source>Total of the layers shown: %1 parameters, %2 MACs</source>
        <translation>جمع لایه‌های نمایش‌داده‌شده: %1 پارامتر، %2 MAC</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) with unknown operations are not counted in MACs</source>
        <translation>
            <numerusform>%n لایه با عملیات نامعلوم در MACها شمرده نمی‌شود</numerusform>
        </translation>
    </message>
    <message>
        <source>the PNG would be %1 × %2 pixels; the largest is %3 pixels per side and %4 pixels in all: lower the scale or DPI, draw fewer layers, or export SVG or PDF</source>
        <translation>تصویر PNG ‏%1 × %2 پیکسل می‌شد؛ بیشینه %3 پیکسل در هر ضلع و %4 پیکسل در کل است: مقیاس یا DPI را کم کنید، لایه‌های کمتری بکشید، یا SVG یا PDF صادر کنید</translation>
    </message>
    <message>
        <source>the PDF page would be %1 × %2 points; PDF viewers show at most %3 points (200 inches) per side: draw fewer layers (--layers), or export SVG</source>
        <translation>صفحه PDF ‏%1 × %2 پوینت می‌شد؛ نمایشگرهای PDF حداکثر %3 پوینت (200 اینچ) در هر ضلع را نشان می‌دهند: لایه‌های کمتری بکشید (‎--layers) یا SVG صادر کنید</translation>
    </message>
</context>
<context>
    <name>naqsh::Document</name>
    <message>
        <source>Untitled</source>
        <translation>بی‌نام</translation>
    </message>
    <message>
        <source>The stored measurement is left out: %1</source>
        <translation>اندازه‌گیری ذخیره‌شده کنار گذاشته شد: %1</translation>
    </message>
</context>
<context>
    <name>naqsh::EdgeItem</name>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 ← %2: %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
</context>
<context>
    <name>naqsh::Exec</name>
    <message>
        <source>Conv2d needs N×C×H×W tensors</source>
        <translation>Conv2d به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>ConvTranspose2d needs N×C×H×W tensors</source>
        <translation>ConvTranspose2d به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>Linear needs an input with features</source>
        <translation>Linear به ورودی‌ای با ویژگی نیاز دارد</translation>
    </message>
    <message>
        <source>the softmax axis is outside the tensor</source>
        <translation>محور softmax بیرون از تانسور است</translation>
    </message>
    <message>
        <source>BatchNorm needs a channel dimension</source>
        <translation>BatchNorm به بُعد کانال نیاز دارد</translation>
    </message>
    <message>
        <source>LRN needs N×C×… tensors</source>
        <translation>LRN به تانسورهای N×C×… نیاز دارد</translation>
    </message>
    <message>
        <source>an input has more dimensions than the output</source>
        <translation>یکی از ورودی‌ها بیش از خروجی بُعد دارد</translation>
    </message>
    <message>
        <source>the concat axis is outside the tensor</source>
        <translation>محور الحاق بیرون از تانسور است</translation>
    </message>
    <message>
        <source>unknown layer type %1</source>
        <translation>نوع لایهٔ ناشناخته: %1</translation>
    </message>
    <message>
        <source>the analysis has no shape for it: %1</source>
        <translation>تحلیل برای آن شکلی ندارد: %1</translation>
    </message>
    <message>
        <source>no kernel runs layer type %1 yet</source>
        <translation>هنوز هیچ هسته‌ای لایه‌ای از نوع %1 را اجرا نمی‌کند</translation>
    </message>
    <message>
        <source>its input %1 did not run</source>
        <translation>ورودی آن، %1، اجرا نشد</translation>
    </message>
    <message>
        <source>not run: it is on a cycle</source>
        <translation>اجرا نشد: روی یک چرخه است</translation>
    </message>
    <message>
        <source>pooling needs N×C×H×W tensors</source>
        <translation>ادغام (pooling) به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>the reshape changes the number of values</source>
        <translation>تغییر شکل، تعداد مقدارها را عوض می‌کند</translation>
    </message>
    <message>
        <source>Upsample needs N×C×H×W tensors</source>
        <translation>Upsample به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>ZeroPad2d needs N×C×H×W tensors</source>
        <translation>ZeroPad2d به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>squeeze-and-excitation needs N×C×H×W tensors</source>
        <translation>squeeze-and-excitation به تانسورهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>attention needs N×L×D tokens with D divisible by the heads</source>
        <translation>توجه به توکن‌های N×L×D نیاز دارد که D بر تعداد سرها بخش‌پذیر باشد</translation>
    </message>
    <message>
        <source>patch embedding needs N×C×H×W images</source>
        <translation>جاسازی وصله‌ها به تصویرهای N×C×H×W نیاز دارد</translation>
    </message>
    <message>
        <source>the class token needs N×L×D tokens</source>
        <translation>توکن کلاس به توکن‌های N×L×D نیاز دارد</translation>
    </message>
    <message>
        <source>the position embedding needs N×L×D tokens</source>
        <translation>جاسازی موقعیت به توکن‌های N×L×D نیاز دارد</translation>
    </message>
    <message>
        <source>its constant operand of %1 values does not broadcast to %2</source>
        <translation>عملوند ثابتِ %1 مقداری‌اش با %2 پخش‌پذیر نیست</translation>
    </message>
    <message>
        <source>MatMul needs two matrices</source>
        <translation>MatMul به دو ماتریس نیاز دارد</translation>
    </message>
    <message>
        <source>the convolution&apos;s input has %1 dimensions instead of %2</source>
        <translation>ورودی کانولوشن به جای %2 بُعد، %1 بُعد دارد</translation>
    </message>
    <message>
        <source>LayerNorm normalises more dimensions than it has</source>
        <translation>LayerNorm بیش از بُعدهایی که دارد را نرمال می‌کند</translation>
    </message>
    <message>
        <source>GroupNorm needs channels divisible by the groups</source>
        <translation>GroupNorm به کانال‌هایی نیاز دارد که بر تعداد گروه‌ها بخش‌پذیر باشند</translation>
    </message>
    <message>
        <source>InstanceNorm needs N×C×… tensors</source>
        <translation>InstanceNorm به تانسورهای N×C×… نیاز دارد</translation>
    </message>
    <message>
        <source>the permutation does not name every dimension</source>
        <translation>جایگشت همهٔ بُعدها را نام نمی‌برد</translation>
    </message>
    <message>
        <source>the slice axis is outside the tensor</source>
        <translation>محور برش بیرون از تانسور است</translation>
    </message>
    <message>
        <source>ChannelShuffle needs channels divisible by the groups</source>
        <translation>ChannelShuffle به کانال‌هایی نیاز دارد که بر تعداد گروه‌ها بخش‌پذیر باشند</translation>
    </message>
    <message>
        <source>PixelShuffle needs N×C×H×W with channels divisible by the factor²</source>
        <translation>PixelShuffle به N×C×H×W نیاز دارد که کانال‌هایش بر مربع ضریب بخش‌پذیر باشد</translation>
    </message>
    <message>
        <source>the split axis is outside the tensor</source>
        <translation>محور تقسیم بیرون از تانسور است</translation>
    </message>
    <message>
        <source>a reduced axis is outside the tensor</source>
        <translation>یکی از محورهای کاهش بیرون از تانسور است</translation>
    </message>
    <message>
        <source>window attention needs N×H×W×C with C divisible by the heads</source>
        <translation>توجه پنجره‌ای به N×H×W×C نیاز دارد که C بر تعداد سرها بخش‌پذیر باشد</translation>
    </message>
</context>
<context>
    <name>naqsh::ExecPath</name>
    <message>
        <source>im2col + GEMM</source>
        <translation>im2col + GEMM (باز کردن پنجره‌ها و ضرب ماتریسی)</translation>
    </message>
    <message>
        <source>1×1 GEMM</source>
        <translation>GEMM برای ۱×۱ (ضرب ماتریسی مستقیم)</translation>
    </message>
    <message>
        <source>depthwise direct</source>
        <translation>عمقی، مستقیم</translation>
    </message>
    <message>
        <source>GEMM + col2im</source>
        <translation>GEMM + col2im (ضرب ماتریسی و جمع پنجره‌ها)</translation>
    </message>
    <message>
        <source>GEMM</source>
        <translation>GEMM (ضرب ماتریسی)</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>element-wise</source>
        <translation>عنصربه‌عنصر</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>مستقیم</translation>
    </message>
    <message>
        <source>bilinear</source>
        <translation>دوخطی</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>نزدیک‌ترین همسایه</translation>
    </message>
    <message>
        <source>random input</source>
        <translation>ورودی تصادفی</translation>
    </message>
</context>
<context>
    <name>naqsh::ExerciseWidget</name>
    <message>
        <source>Exercise</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <source>Hide shapes</source>
        <translation>پنهان کردن شکل‌ها</translation>
    </message>
    <message>
        <source>Hide parameters</source>
        <translation>پنهان کردن پارامترها</translation>
    </message>
    <message>
        <source>Hide MACs</source>
        <translation>پنهان کردن MACها</translation>
    </message>
    <message>
        <source>Output shape:</source>
        <translation>شکل خروجی:</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>پارامترها:</translation>
    </message>
    <message>
        <source>MACs:</source>
        <translation>MACها:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>پاسخ شما</translation>
    </message>
    <message>
        <source>e.g. 1×16×28×28</source>
        <translation>مثلاً 1×16×28×28</translation>
    </message>
    <message>
        <source>Tick what to hide; students then work the numbers out and check them here.</source>
        <translation>آنچه را باید پنهان شود علامت بزنید؛ دانشجویان سپس عددها را خودشان حساب می‌کنند و این‌جا بررسی می‌کنند.</translation>
    </message>
    <message>
        <source>Select one layer, work out its hidden numbers, and type your answers.</source>
        <translation>یک لایه را انتخاب کنید، عددهای پنهان آن را حساب کنید و پاسخ‌هایتان را بنویسید.</translation>
    </message>
    <message>
        <source>Work out the hidden numbers of &apos;%1&apos; and check your answers.</source>
        <translation>عددهای پنهان «%1» را حساب کنید و پاسخ‌هایتان را بررسی کنید.</translation>
    </message>
    <message>
        <source>This layer has no numbers to check.</source>
        <translation>این لایه عددی برای بررسی ندارد.</translation>
    </message>
    <message>
        <source>✓ Right!</source>
        <translation>✓ درست است!</translation>
    </message>
    <message>
        <source>✗ Not quite. Here is how it is worked out:</source>
        <translation>✗ نه کاملاً. این‌گونه حساب می‌شود:</translation>
    </message>
</context>
<context>
    <name>naqsh::Explain</name>
    <message>
        <source>Output shape</source>
        <translation>شکل خروجی</translation>
    </message>
    <message>
        <source>this layer works value by value: the output has the shape of its input</source>
        <translation>این لایه مقدار به مقدار کار می‌کند: شکل خروجی همان شکل ورودی است</translation>
    </message>
    <message>
        <source>from the layer&apos;s shape rule (see its help)</source>
        <translation>از قاعده شکل این لایه (راهنمای آن را ببینید)</translation>
    </message>
    <message>
        <source>nothing to learn: this layer has no weights</source>
        <translation>چیزی برای یادگیری نیست: این لایه وزنی ندارد</translation>
    </message>
    <message>
        <source>additions</source>
        <translation>جمع</translation>
    </message>
    <message>
        <source>multiplications</source>
        <translation>ضرب</translation>
    </message>
    <message>
        <source>divisions</source>
        <translation>تقسیم</translation>
    </message>
    <message>
        <source>exponentials</source>
        <translation>تابع نمایی</translation>
    </message>
    <message>
        <source>comparisons</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Other operations</source>
        <translation>عملیات دیگر</translation>
    </message>
    <message>
        <source>per value, as the layer&apos;s help describes; counted apart from MACs</source>
        <translation>برای هر مقدار، همان‌طور که در راهنمای لایه آمده؛ جدا از MACها شمرده می‌شود</translation>
    </message>
    <message>
        <source>each MAC is a multiplication and an addition; bias adds and the other operations count once each</source>
        <translation>هر MAC یک ضرب و یک جمع است؛ جمع‌های بایاس و عملیات دیگر هر کدام یک بار شمرده می‌شوند</translation>
    </message>
    <message>
        <source>the figure papers quote: two operations per MAC, nothing else</source>
        <translation>عددی که مقاله‌ها گزارش می‌کنند: دو عمل برای هر MAC، و نه چیز دیگری</translation>
    </message>
    <message>
        <source>one multiply-accumulate counted as one operation, as ptflops does</source>
        <translation>هر ضرب-انباشت یک عمل شمرده می‌شود، همان‌طور که ptflops می‌شمارد</translation>
    </message>
    <message>
        <source>torchinfo&apos;s mult-adds: the bias counts as one more MAC per output value</source>
        <translation>mult-adds در torchinfo: بایاس برای هر مقدار خروجی یک MAC دیگر شمرده می‌شود</translation>
    </message>
    <message>
        <source>FLOPs (%1)</source>
        <translation>FLOPs (%1)</translation>
    </message>
    <message>
        <source>Activation memory</source>
        <translation>حافظه فعال‌سازی</translation>
    </message>
    <message numerus="yes">
        <source>every output value is stored for the next layer (and for training); %1 takes %n byte(s) per value</source>
        <translation>
            <numerusform>هر مقدار خروجی برای لایه بعد (و برای آموزش) ذخیره می‌شود؛ %1 برای هر مقدار %n بایت جا می‌گیرد</numerusform>
        </translation>
    </message>
    <message>
        <source>this layer makes no new tensor</source>
        <translation>این لایه تانسور جدیدی نمی‌سازد</translation>
    </message>
    <message>
        <source>%1 × %2 bytes = %3 bytes</source>
        <translation>%1 × %2 بایت = %3 بایت</translation>
    </message>
    <message>
        <source>the block&apos;s output and every tensor made inside it, as if its parts were separate layers</source>
        <translation>خروجی بلوک و همهٔ تانسورهایی که درونش ساخته می‌شوند، گویی بخش‌هایش لایه‌های جدا هستند</translation>
    </message>
</context>
<context>
    <name>naqsh::ExplainPanel</name>
    <message>
        <source>Select a layer, or click a cell of the cost table, to see how each of its numbers is made.</source>
        <translation>لایه‌ای را انتخاب کنید، یا روی خانه‌ای از جدول هزینه کلیک کنید، تا ببینید هر یک از عددهایش چگونه به دست می‌آید.</translation>
    </message>
    <message>
        <source>No numbers yet: %1</source>
        <translation>هنوز عددی نیست: %1</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>خروجی:</translation>
    </message>
    <message>
        <source>Notes for this document</source>
        <translation>نکته‌های این سند</translation>
    </message>
</context>
<context>
    <name>naqsh::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>صدور</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>نمودار شبکه</translation>
    </message>
    <message>
        <source>SVG (vector, searchable text)</source>
        <translation>SVG (برداری، متن قابل جستجو)</translation>
    </message>
    <message>
        <source>PNG (image)</source>
        <translation>PNG (تصویر)</translation>
    </message>
    <message>
        <source>PDF (vector, fonts embedded)</source>
        <translation>PDF (برداری، با قلم‌های جاسازی‌شده)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;قالب:</translation>
    </message>
    <message>
        <source>Selected layers only</source>
        <translation>فقط لایه‌های انتخاب‌شده</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Tensor shapes on the edges</source>
        <translation>شکل تانسورها روی یال‌ها</translation>
    </message>
    <message>
        <source>Parameters and MACs on the nodes</source>
        <translation>پارامترها و MACها روی گره‌ها</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>راهنمای نمودار</translation>
    </message>
    <message>
        <source>Top to bottom</source>
        <translation>از بالا به پایین</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>از چپ به راست</translation>
    </message>
    <message>
        <source>Keep the canvas positions</source>
        <translation>حفظ جای لایه‌ها روی بوم</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;چیدمان:</translation>
    </message>
    <message>
        <source>Screen (colours)</source>
        <translation>نمایشگر (رنگی)</translation>
    </message>
    <message>
        <source>Print (black on white, thin lines)</source>
        <translation>چاپ (سیاه روی سفید، خطوط نازک)</translation>
    </message>
    <message>
        <source>&amp;Style:</source>
        <translation>&amp;سبک:</translation>
    </message>
    <message>
        <source>White</source>
        <translation>سفید</translation>
    </message>
    <message>
        <source>Transparent</source>
        <translation>شفاف</translation>
    </message>
    <message>
        <source>&amp;Background:</source>
        <translation>&amp;پس‌زمینه:</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>مقیاس</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>PNG size:</source>
        <translation>اندازه PNG:</translation>
    </message>
    <message>
        <source>SVG text as outlines (same in every viewer, not searchable)</source>
        <translation>متن SVG به‌صورت خطوط کناره (در هر نمایشگری یکسان، ولی غیرقابل جستجو)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>اندازه:</translation>
    </message>
    <message>
        <source>Tables and code</source>
        <translation>جدول‌ها و کد</translation>
    </message>
    <message>
        <source>with</source>
        <translation>با</translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation>مقایسه:</translation>
    </message>
    <message>
        <source>Tables use the window&apos;s FLOP convention, activation type and digits.</source>
        <translation>جدول‌ها قرارداد FLOP، نوع داده فعال‌سازی‌ها و ارقامِ همین پنجره را به کار می‌برند.</translation>
    </message>
    <message>
        <source>Export &amp;Diagram…</source>
        <translation>صدور &amp;نمودار شبکه…</translation>
    </message>
    <message>
        <source>&amp;Copy to Clipboard</source>
        <translation>&amp;کپی در حافظه موقت</translation>
    </message>
    <message>
        <source>Export &amp;Table…</source>
        <translation>صدور &amp;جدول…</translation>
    </message>
    <message>
        <source>Export Co&amp;mparison…</source>
        <translation>صدور &amp;مقایسه…</translation>
    </message>
    <message>
        <source>Export &amp;PyTorch Code…</source>
        <translation>صدور کد &amp;PyTorch…</translation>
    </message>
    <message>
        <source>%1 × %2 px; PNG %3 × %4 px</source>
        <translation>%1 × %2 پیکسل؛ PNG %3 × %4 پیکسل</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 نوشته شد</translation>
    </message>
    <message>
        <source>Unknown table format &quot;%1&quot;: use .csv, .md, .tex or .html.</source>
        <translation>قالب جدول ناشناخته «%1»: ‎.csv، ‎.md، ‎.tex یا ‎.html را به کار ببرید.</translation>
    </message>
    <message>
        <source>Define two comparisons (Compare panel) to export a comparison table.</source>
        <translation>برای صدور جدول مقایسه، دو مقایسه تعریف کنید (در پنل مقایسه).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wrote %1. Some layers have no PyTorch equivalent: look for the &quot;# Naqsh:&quot; comments in the file.</source>
        <translation>%1 نوشته شد. برخی لایه‌ها معادلی در PyTorch ندارند: در فایل دنبال توضیح‌های &quot;# Naqsh:&quot; بگردید.</translation>
    </message>
    <message>
        <source>Copied the diagram as an image and as SVG.</source>
        <translation>نمودار شبکه به‌صورت تصویر و SVG کپی شد.</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>تصویر SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>تصویر PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>سند PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>صدور نمودار شبکه</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV برای صفحه‌گسترده‌ها (*.csv)</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>LaTeX table (*.tex)</source>
        <translation>جدول LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Web page with the diagram (*.html)</source>
        <translation>صفحه وب همراه با نمودار شبکه (*.html)</translation>
    </message>
    <message>
        <source>Export Cost Table</source>
        <translation>صدور جدول هزینه</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>صفحه وب (*.html)</translation>
    </message>
    <message>
        <source>Export Comparison</source>
        <translation>صدور مقایسه</translation>
    </message>
    <message>
        <source>Export PyTorch Code</source>
        <translation>صدور کد PyTorch</translation>
    </message>
    <message>
        <source>Python file (*.py)</source>
        <translation>فایل Python (*.py)</translation>
    </message>
</context>
<context>
    <name>naqsh::GraphModel</name>
    <message>
        <source>unknown layer type &quot;%1&quot;</source>
        <translation>نوع لایه ناشناخته: «%1»</translation>
    </message>
    <message>
        <source>a layer with id %1 already exists</source>
        <translation>لایه‌ای با شناسه %1 از پیش وجود دارد</translation>
    </message>
    <message>
        <source>layer %1 has no parameter &quot;%2&quot;</source>
        <translation>لایه %1 پارامتری به نام «%2» ندارد</translation>
    </message>
    <message>
        <source>a layer name cannot be empty</source>
        <translation>نام لایه نمی‌تواند خالی باشد</translation>
    </message>
    <message>
        <source>cannot join an output to an output: drag from an output to an input</source>
        <translation>نمی‌توان خروجی را به خروجی وصل کرد: از یک خروجی به یک ورودی بکشید</translation>
    </message>
    <message>
        <source>cannot join an input to an input: drag from an output to an input</source>
        <translation>نمی‌توان ورودی را به ورودی وصل کرد: از یک خروجی به یک ورودی بکشید</translation>
    </message>
    <message>
        <source>that layer no longer exists</source>
        <translation>آن لایه دیگر وجود ندارد</translation>
    </message>
    <message>
        <source>unknown layer type</source>
        <translation>نوع لایه ناشناخته</translation>
    </message>
    <message>
        <source>%1 has no output</source>
        <translation>%1 خروجی ندارد</translation>
    </message>
    <message>
        <source>%1 takes no input</source>
        <translation>%1 ورودی نمی‌پذیرد</translation>
    </message>
    <message>
        <source>a layer cannot feed itself</source>
        <translation>یک لایه نمی‌تواند ورودی خودش باشد</translation>
    </message>
    <message numerus="yes">
        <source>the input of %1 is already connected; it takes %n input(s)</source>
        <translation>
            <numerusform>ورودی %1 از پیش وصل است؛ این لایه %n ورودی می‌پذیرد</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting %1 to %2 would make a cycle: %2 already feeds %1</source>
        <translation>اتصال %1 به %2 یک دور می‌سازد: %2 از پیش به %1 داده می‌دهد</translation>
    </message>
    <message>
        <source>%1 has no output %2</source>
        <translation>%1 خروجی %2 ندارد</translation>
    </message>
    <message>
        <source>block</source>
        <translation>بلوک</translation>
    </message>
    <message>
        <source>select the layers to group first</source>
        <translation>نخست لایه‌هایی را که می‌خواهید گروه‌بندی کنید انتخاب کنید</translation>
    </message>
    <message>
        <source>a block name cannot be empty</source>
        <translation>نام بلوک نمی‌تواند خالی باشد</translation>
    </message>
    <message>
        <source>a block with id %1 already exists</source>
        <translation>بلوکی با شناسه %1 از پیش وجود دارد</translation>
    </message>
    <message>
        <source>the selected layers are not connected to each other; a block groups connected layers</source>
        <translation>لایه‌های انتخاب‌شده به هم وصل نیستند؛ بلوک لایه‌های به‌هم‌پیوسته را گروه‌بندی می‌کند</translation>
    </message>
    <message>
        <source>a path leaves the selection through &apos;%1&apos; and comes back into &apos;%2&apos;; select &apos;%1&apos; too, or leave out the layers after it</source>
        <translation>مسیری از راه «%1» از انتخاب بیرون می‌رود و به «%2» برمی‌گردد؛ «%1» را هم انتخاب کنید، یا لایه‌های پس از آن را کنار بگذارید</translation>
    </message>
    <message>
        <source>the selection takes part of block &apos;%1&apos;: select all of its layers, or only layers inside it</source>
        <translation>انتخاب فقط بخشی از بلوک «%1» را در بر دارد: همه لایه‌های آن را انتخاب کنید، یا فقط لایه‌هایی درون آن را</translation>
    </message>
</context>
<context>
    <name>naqsh::GraphScene</name>
    <message>
        <source>Unknown layer type &quot;%1&quot;</source>
        <translation>نوع لایه ناشناخته: «%1»</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>درج %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n layer(s)</source>
        <translation>
            <numerusform>%n لایه کپی شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n layer(s)</source>
        <translation>
            <numerusform>%n لایه بریده شد</numerusform>
        </translation>
    </message>
    <message>
        <source>The clipboard holds no layers to paste</source>
        <translation>در حافظه موقت لایه‌ای برای چسباندن نیست</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n layer(s)</source>
        <translation>
            <numerusform>چسباندن %n لایه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n layer(s)</source>
        <translation>
            <numerusform>تکثیر %n لایه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Disconnect %n connection(s)</source>
        <translation>
            <numerusform>قطع %n اتصال</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>اتصال ممکن نیست: %1</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;تغییر نام</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;تکثیر</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Disconnect &amp;All</source>
        <translation>&amp;قطع همه اتصال‌ها</translation>
    </message>
    <message>
        <source>&amp;Delete Connection</source>
        <translation>&amp;حذف اتصال</translation>
    </message>
    <message>
        <source>&amp;Insert Layer</source>
        <translation>&amp;درج لایه</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;چسباندن</translation>
    </message>
    <message>
        <source>&amp;Add Layer</source>
        <translation>&amp;افزودن لایه</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;متناسب با پنجره</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>&amp;چسبیدن به توری</translation>
    </message>
    <message>
        <source>E&amp;xpand into Layers</source>
        <translation>باز کردن به لایه‌ها</translation>
    </message>
    <message>
        <source>select a block (or layers inside one) to ungroup</source>
        <translation>برای لغو گروه‌بندی، یک بلوک (یا لایه‌هایی درون آن) را انتخاب کنید</translation>
    </message>
    <message>
        <source>Rename Block</source>
        <translation>تغییر نام بلوک</translation>
    </message>
    <message>
        <source>Block name:</source>
        <translation>نام بلوک:</translation>
    </message>
    <message>
        <source>a block name cannot be empty</source>
        <translation>نام بلوک نمی‌تواند خالی باشد</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>گروه‌بندی</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>لغو گروه‌بندی</translation>
    </message>
    <message>
        <source>E&amp;xpand Block</source>
        <translation>باز کردن بلوک</translation>
    </message>
    <message>
        <source>&amp;Collapse Block</source>
        <translation>جمع کردن بلوک</translation>
    </message>
    <message>
        <source>&amp;Rename Block…</source>
        <translation>تغییر نام بلوک…</translation>
    </message>
    <message>
        <source>Move block %1</source>
        <translation>جابه‌جایی بلوک %1</translation>
    </message>
</context>
<context>
    <name>naqsh::Import</name>
    <message>
        <source>layer %1: %2</source>
        <translation>لایه %1: %2</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not %3</source>
        <translation>%1 باید یکی از %2 باشد، نه %3</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation>%1 باید یکی از %2 باشد، نه «%3»</translation>
    </message>
    <message>
        <source>layer %1: %2 has %3 values; only 2-D layers (one or two values) are supported</source>
        <translation>لایه %1: %2 دارای %3 مقدار است؛ فقط لایه‌های دوبعدی (یک یا دو مقدار) پشتیبانی می‌شوند</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has %2 dimensions; Naqsh supports N×C×H×W or N×F inputs</source>
        <translation>ورودی «%1» دارای %2 بعد است؛ «نقش» از ورودی‌های N×C×H×W یا N×F پشتیبانی می‌کند</translation>
    </message>
    <message>
        <source>input &apos;%1&apos;: %2</source>
        <translation>ورودی «%1»: %2</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has %2 dimensions, but Naqsh&apos;s Input layer takes N×C×H×W or N×F; it is imported as an opaque source</source>
        <translation>ورودی «%1» دارای %2 بعد است، اما لایه ورودی «نقش» N×C×H×W یا N×F می‌پذیرد؛ به‌صورت یک منبع جعبه‌سیاه وارد می‌شود</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has batch size %2, as written %3; MACs and activations are for the whole batch (set the batch to 1 for per-image figures)</source>
        <translation>ورودی «%1» اندازه دسته %2 دارد، آن‌گونه که %3 نوشته شده است؛ MACها و فعال‌سازی‌ها برای کل دسته‌اند (برای عددهای هر تصویر، دسته را 1 بگذارید)</translation>
    </message>
    <message>
        <source>in input_shape</source>
        <translation>در input_shape</translation>
    </message>
    <message>
        <source>in input_dim</source>
        <translation>در input_dim</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has no shape: give it an input_shape { dim: ... } or four input_dim values</source>
        <translation>ورودی «%1» شکل ندارد: برای آن یک input_shape { dim: ... } یا چهار مقدار input_dim بدهید</translation>
    </message>
    <message>
        <source>convolution_param.num_output is missing</source>
        <translation>convolution_param.num_output وجود ندارد</translation>
    </message>
    <message>
        <source>convolution_param has no kernel_size</source>
        <translation>convolution_param فیلد kernel_size ندارد</translation>
    </message>
    <message>
        <source>layer %1: global max pooling is counted as global average pooling (same shape; additions instead of comparisons)</source>
        <translation>لایه %1: ادغام بیشینه سراسری مانند ادغام میانگین سراسری شمرده می‌شود (همان شکل؛ جمع به‌جای مقایسه)</translation>
    </message>
    <message>
        <source>layer %1: stochastic pooling is counted as max pooling</source>
        <translation>لایه %1: ادغام تصادفی (stochastic) مانند ادغام بیشینه شمرده می‌شود</translation>
    </message>
    <message>
        <source>pooling_param has no kernel_size</source>
        <translation>pooling_param فیلد kernel_size ندارد</translation>
    </message>
    <message>
        <source>inner_product_param.num_output is missing</source>
        <translation>inner_product_param.num_output وجود ندارد</translation>
    </message>
    <message>
        <source>only an inner product over axis 1 is modelled</source>
        <translation>فقط ضرب داخلی (inner product) روی محور 1 مدل می‌شود</translation>
    </message>
    <message>
        <source>layer %1: %2; imported as an opaque layer with unknown cost</source>
        <translation>لایه %1: %2؛ به‌صورت لایه جعبه‌سیاه با هزینه نامعلوم وارد شد</translation>
    </message>
    <message>
        <source>layer %1: its output shape is unknown; layers after it have no numbers until it is set</source>
        <translation>لایه %1: شکل خروجی آن نامعلوم است؛ تا وقتی تعیین نشود، لایه‌های پس از آن عددی ندارند</translation>
    </message>
    <message>
        <source>expected a layer block: %1 { ... }</source>
        <translation>یک بلوک لایه انتظار می‌رفت: %1 { ... }</translation>
    </message>
    <message>
        <source>the layer has no type</source>
        <translation>لایه نوع ندارد</translation>
    </message>
    <message>
        <source>(TRAIN phase)</source>
        <translation>(مرحله TRAIN)</translation>
    </message>
    <message>
        <source>(uses &apos;%1&apos; from %2)</source>
        <translation>(از «%1» که %2 تولید می‌کند استفاده می‌کند)</translation>
    </message>
    <message>
        <source>input_param has no shape { dim: ... }</source>
        <translation>input_param فیلد shape { dim: ... } ندارد</translation>
    </message>
    <message>
        <source>in input_param</source>
        <translation>در input_param</translation>
    </message>
    <message>
        <source>layer %1: LRN within channels is counted as LRN across channels</source>
        <translation>لایه %1: LRN درون کانال مانند LRN میان کانال‌ها شمرده می‌شود</translation>
    </message>
    <message>
        <source>only the SUM operation of Eltwise is modelled (as Add)</source>
        <translation>از Eltwise فقط عمل SUM مدل می‌شود (به‌صورت Add)</translation>
    </message>
    <message>
        <source>layer %1: the Eltwise coefficients are not counted (one multiplication per value each)</source>
        <translation>لایه %1: ضریب‌های Eltwise شمرده نمی‌شوند (هر کدام یک ضرب برای هر مقدار)</translation>
    </message>
    <message>
        <source>layer %1 has no bias term, but it is merged into &apos;%2&apos; as a BatchNorm2d with scale and shift</source>
        <translation>لایه %1 جمله بایاس ندارد، اما به‌صورت یک BatchNorm2d با مقیاس و جابه‌جایی در «%2» ادغام شد</translation>
    </message>
    <message>
        <source>a Scale layer that does not follow a BatchNorm layer is not modelled</source>
        <translation>لایه Scale که پس از یک لایه BatchNorm نیامده باشد مدل نمی‌شود</translation>
    </message>
    <message>
        <source>no inputs and no layers: this is not a Caffe network description</source>
        <translation>نه ورودی دارد و نه لایه: این توصیف یک شبکه Caffe نیست</translation>
    </message>
    <message numerus="yes">
        <source>skipped %n training-only layer(s): %1</source>
        <translation>
            <numerusform>%n لایه مخصوص آموزش نادیده گرفته شد: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>layer type %1 is not modelled by Naqsh: %n layer(s) imported as opaque layers with unknown cost (%2)</source>
        <translation>
            <numerusform>نوع لایه %1 را «نقش» مدل نمی‌کند: %n لایه به‌صورت لایه جعبه‌سیاه با هزینه نامعلوم وارد شد (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>out of memory while importing the model</source>
        <translation>حافظه هنگام وارد کردن مدل تمام شد</translation>
    </message>
    <message>
        <source>could not import the model: %1</source>
        <translation>وارد کردن مدل ممکن نشد: %1</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: it is a folder</source>
        <translation>نمی‌توان «%1» را باز کرد: یک پوشه است</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>نمی‌توان «%1» را باز کرد: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is too large to be a network description (weights live in .caffemodel files, not here)</source>
        <translation>«%1» بزرگ‌تر از آن است که توصیف یک شبکه باشد (وزن‌ها در فایل‌های ‎.caffemodel هستند، نه این‌جا)</translation>
    </message>
    <message>
        <source>%1 has no parameter &quot;%2&quot;</source>
        <translation>%1 پارامتری به نام «%2» ندارد</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has no declared shape; Naqsh needs its size to compute anything</source>
        <translation>ورودی گراف «%1» شکل اعلام‌شده ندارد؛ «نقش» برای هر محاسبه‌ای به اندازه آن نیاز دارد</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has an unknown number of channels</source>
        <translation>تعداد کانال‌های ورودی گراف «%1» نامعلوم است</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has no fixed %2 (&apos;%3&apos;); Naqsh assumes 224 (change it on the Input layer)</source>
        <translation>ورودی گراف «%1» مقدار %2 ثابتی ندارد (&apos;%3&apos;)؛ «نقش» 224 را فرض می‌کند (آن را در لایه ورودی تغییر دهید)</translation>
    </message>
    <message>
        <source>height</source>
        <translation>ارتفاع</translation>
    </message>
    <message>
        <source>width</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has an unknown number of features</source>
        <translation>تعداد ویژگی‌های ورودی گراف «%1» نامعلوم است</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has an unknown size in dimension %2</source>
        <translation>اندازه ورودی گراف «%1» در بعد %2 نامعلوم است</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has rank %2, but Naqsh&apos;s Input layer takes N×C×H×W or N×F; it is imported as an opaque source</source>
        <translation>ورودی گراف «%1» مرتبه %2 دارد، اما لایه ورودی «نقش» N×C×H×W یا N×F می‌پذیرد؛ به‌صورت یک منبع جعبه‌سیاه وارد می‌شود</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos;: %2</source>
        <translation>ورودی گراف «%1»: %2</translation>
    </message>
    <message>
        <source>node %1: &apos;%2&apos; has no initializer; its size is taken from the graph input&apos;s declared shape</source>
        <translation>گره %1: «%2» مقداردهنده (initializer) ندارد؛ اندازه آن از شکل اعلام‌شده ورودی گراف گرفته می‌شود</translation>
    </message>
    <message>
        <source>node %1: input &apos;%2&apos; is not produced by any node and is not a graph input or initializer</source>
        <translation>گره %1: ورودی «%2» را هیچ گره‌ای تولید نمی‌کند و ورودی گراف یا initializer هم نیست</translation>
    </message>
    <message>
        <source>the graph has a cycle: node %1 depends, directly or through other nodes, on its own output</source>
        <translation>گراف دور دارد: گره %1 مستقیم یا از راه گره‌های دیگر به خروجی خودش وابسته است</translation>
    </message>
    <message>
        <source>node %1 uses &apos;%2&apos;, an extra output of %3; Naqsh imports only the main output of that operator</source>
        <translation>گره %1 از «%2»، خروجی اضافه %3، استفاده می‌کند؛ «نقش» فقط خروجی اصلی آن عملگر را وارد می‌کند</translation>
    </message>
    <message>
        <source>node %1: output &apos;%2&apos; cannot be recorded (%3); its shape is left unknown</source>
        <translation>گره %1: خروجی «%2» را نمی‌توان ثبت کرد (%3)؛ شکل آن نامعلوم می‌ماند</translation>
    </message>
    <message>
        <source>node %1: %2; imported as an opaque layer with unknown cost</source>
        <translation>گره %1: %2؛ به‌صورت لایه جعبه‌سیاه با هزینه نامعلوم وارد شد</translation>
    </message>
    <message>
        <source>node %1: the output shape is unknown (neither the file nor ONNX shape inference gives it); layers after it have no numbers until it is set</source>
        <translation>گره %1: شکل خروجی نامعلوم است (نه فایل آن را می‌گوید و نه استنتاج شکل ONNX)؛ تا وقتی تعیین نشود، لایه‌های پس از آن عددی ندارند</translation>
    </message>
    <message numerus="yes">
        <source>operator %1 is not modelled by Naqsh: %n node(s) imported as opaque layers with unknown cost (%2)</source>
        <translation>
            <numerusform>عملگر %1 را «نقش» مدل نمی‌کند: %n گره به‌صورت لایه جعبه‌سیاه با هزینه نامعلوم وارد شد (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>its slope is not a constant</source>
        <translation>شیب آن ثابت نیست</translation>
    </message>
    <message>
        <source>it concatenates a constant tensor</source>
        <translation>یک تانسور ثابت را الحاق می‌کند</translation>
    </message>
    <message>
        <source>Naqsh&apos;s BatchNorm2d needs a 4-D input, and this one has rank %1</source>
        <translation>BatchNorm2d در «نقش» به ورودی چهاربعدی نیاز دارد، و ورودی این یکی مرتبه %1 دارد</translation>
    </message>
    <message>
        <source>its weights are computed by other layers</source>
        <translation>وزن‌های آن را لایه‌های دیگر حساب می‌کنند</translation>
    </message>
    <message>
        <source>node %1: weight &apos;%2&apos; has no initializer and its shape is unknown, so Naqsh cannot tell the layer&apos;s size</source>
        <translation>گره %1: وزن «%2» مقداردهنده (initializer) ندارد و شکلش نامعلوم است، پس «نقش» نمی‌تواند اندازه لایه را تعیین کند</translation>
    </message>
    <message>
        <source>its strides, dilations or pads do not describe a 2-D convolution</source>
        <translation>گام‌ها، اتساع‌ها یا پدینگ‌های آن یک کانولوشن دوبعدی را توصیف نمی‌کنند</translation>
    </message>
    <message>
        <source>its bias is not a constant</source>
        <translation>بایاس آن ثابت نیست</translation>
    </message>
    <message>
        <source>only 2-D transposed convolutions are modelled (its weight has rank %1)</source>
        <translation>فقط کانولوشن‌های ترانهاده دوبعدی مدل می‌شوند (وزن آن مرتبه %1 دارد)</translation>
    </message>
    <message>
        <source>its attributes do not describe a 2-D transposed convolution Naqsh can represent</source>
        <translation>ویژگی‌های (attributes) آن کانولوشن ترانهاده دوبعدی‌ای را که «نقش» بتواند نمایش دهد توصیف نمی‌کنند</translation>
    </message>
    <message>
        <source>node %1: output_shape is given but the input size is unknown; the padding is approximated</source>
        <translation>گره %1: output_shape داده شده اما اندازه ورودی نامعلوم است؛ پدینگ تقریبی است</translation>
    </message>
    <message>
        <source>its weight is not 2-D</source>
        <translation>وزن آن دوبعدی نیست</translation>
    </message>
    <message>
        <source>only a product with a constant 2-D weight is modelled (as Linear)</source>
        <translation>فقط ضرب در یک وزن ثابت دوبعدی مدل می‌شود (به‌صورت Linear)</translation>
    </message>
    <message>
        <source>only 2-D pooling is modelled</source>
        <translation>فقط ادغام دوبعدی مدل می‌شود</translation>
    </message>
    <message>
        <source>its kernel, strides or pads are out of range</source>
        <translation>کرنل، گام‌ها یا پدینگ‌های آن خارج از محدوده‌اند</translation>
    </message>
    <message>
        <source>dilated pooling is not modelled</source>
        <translation>ادغام متسع (dilated) مدل نمی‌شود</translation>
    </message>
    <message>
        <source>node %1: its asymmetric padding is approximated by symmetric padding</source>
        <translation>گره %1: پدینگ نامتقارن آن با پدینگ متقارن تقریب زده می‌شود</translation>
    </message>
    <message>
        <source>its axes are not constant</source>
        <translation>محورهای آن ثابت نیستند</translation>
    </message>
    <message>
        <source>its bounds are not constants</source>
        <translation>کران‌های آن ثابت نیستند</translation>
    </message>
    <message>
        <source>node %1: the target shape is computed at run time; Naqsh assumes it flattens each sample</source>
        <translation>گره %1: شکل مقصد در زمان اجرا حساب می‌شود؛ «نقش» فرض می‌کند که هر نمونه را تخت می‌کند</translation>
    </message>
    <message>
        <source>only zero padding is modelled</source>
        <translation>فقط پدینگ صفر مدل می‌شود</translation>
    </message>
    <message>
        <source>its pads are not constant</source>
        <translation>پدینگ‌های آن ثابت نیستند</translation>
    </message>
    <message>
        <source>its padding value is not constant</source>
        <translation>مقدار پدینگ آن ثابت نیست</translation>
    </message>
    <message>
        <source>padding selected axes is not modelled</source>
        <translation>پدینگ روی محورهای انتخابی مدل نمی‌شود</translation>
    </message>
    <message>
        <source>only resizing 4-D N×C×H×W tensors is modelled</source>
        <translation>فقط تغییر اندازه تانسورهای چهاربعدی N×C×H×W مدل می‌شود</translation>
    </message>
    <message>
        <source>it resizes the batch or the channels</source>
        <translation>اندازه دسته یا کانال‌ها را تغییر می‌دهد</translation>
    </message>
    <message>
        <source>its scales are not constant</source>
        <translation>مقیاس‌های آن ثابت نیستند</translation>
    </message>
    <message>
        <source>node %1: %2 interpolation is counted as bilinear</source>
        <translation>گره %1: درون‌یابی %2 مانند دوخطی (bilinear) شمرده می‌شود</translation>
    </message>
    <message>
        <source>the layer type &quot;%1&quot; is not registered</source>
        <translation>نوع لایه «%1» ثبت نشده است</translation>
    </message>
    <message>
        <source>the model has no layers to import: every node computes constants only</source>
        <translation>مدل لایه‌ای برای وارد کردن ندارد: همه گره‌ها فقط مقدارهای ثابت حساب می‌کنند</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read by layer &apos;%2&apos; before any layer writes it (Caffe runs the layers in file order)</source>
        <translation>لایهٔ «%2»، «%1» را پیش از آنکه لایه‌ای آن را بنویسد می‌خواند (Caffe لایه‌ها را به ترتیب فایل اجرا می‌کند)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read by layer &apos;%2&apos; but no layer writes it; did you mean &apos;%3&apos;?</source>
        <translation>لایهٔ «%2»، «%1» را می‌خواند ولی هیچ لایه‌ای آن را نمی‌نویسد؛ آیا منظورتان «%3» بود؟</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is read by layer &apos;%2&apos; but no layer or input writes it</source>
        <translation>لایهٔ «%2»، «%1» را می‌خواند ولی هیچ لایه یا ورودی‌ای آن را نمی‌نویسد</translation>
    </message>
    <message>
        <source>the layer has no bottom; only data and Input layers read nothing, and Naqsh does not know layer type &quot;%1&quot; as one of them</source>
        <translation>این لایه bottom ندارد؛ فقط لایه‌های داده و Input چیزی نمی‌خوانند، و «نقش» نوع لایهٔ «%1» را از آن‌ها نمی‌شناسد</translation>
    </message>
    <message>
        <source>in dummy_data_param</source>
        <translation>در dummy_data_param</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>در %1</translation>
    </message>
    <message>
        <source>data layer %1 does not give the image size (no crop_size, new_height and new_width, resize_param or input_param shape): the Input layer &apos;%2&apos; assumes %3×%4×%5×%6; set the real size on that layer</source>
        <translation>لایهٔ دادهٔ %1 اندازهٔ تصویر را نمی‌گوید (نه crop_size، نه new_height و new_width، نه resize_param و نه شکل input_param): لایهٔ Input «%2» اندازهٔ %3×%4×%5×%6 را فرض می‌کند؛ اندازهٔ واقعی را روی همان لایه تنظیم کنید</translation>
    </message>
    <message>
        <source>the input&apos;s sizes before axis %1 are unknown</source>
        <translation>اندازه‌های ورودی پیش از محور %1 معلوم نیست</translation>
    </message>
    <message>
        <source>it uses allowzero, where 0 means an empty dimension</source>
        <translation>از allowzero استفاده می‌کند که در آن 0 یعنی بعدی تهی</translation>
    </message>
    <message>
        <source>its target shape is computed at run time and shape inference does not give it</source>
        <translation>شکل مقصد آن در زمان اجرا محاسبه می‌شود و استنتاج شکل آن را نمی‌دهد</translation>
    </message>
    <message>
        <source>its input&apos;s rank is unknown</source>
        <translation>رتبه (تعداد ابعاد) ورودی آن معلوم نیست</translation>
    </message>
    <message>
        <source>its input&apos;s sizes are unknown</source>
        <translation>اندازه‌های ورودی آن معلوم نیست</translation>
    </message>
    <message>
        <source>only a constant slice of one axis is modelled</source>
        <translation>فقط برش ثابت در یک محور مدل می‌شود</translation>
    </message>
    <message>
        <source>only positive steps are modelled</source>
        <translation>فقط گام‌های مثبت مدل می‌شوند</translation>
    </message>
    <message>
        <source>only symmetric padding and one dilation are modelled for 1-D and 3-D convolutions</source>
        <translation>برای کانولوشن‌های یک‌بعدی و سه‌بعدی فقط پدینگ متقارن و یک گشادگی (dilation) مدل می‌شود</translation>
    </message>
    <message>
        <source>only 1-D, 2-D and 3-D convolutions are modelled (its weight has rank %1)</source>
        <translation>فقط کانولوشن‌های یک‌بعدی، دوبعدی و سه‌بعدی مدل می‌شوند (وزن آن رتبه %1 دارد)</translation>
    </message>
    <message>
        <source>Naqsh&apos;s Linear needs a batch and features, and this input has rank %1</source>
        <translation>لایه Linear نقش به دسته و ویژگی نیاز دارد، اما رتبه این ورودی %1 است</translation>
    </message>
    <message>
        <source>its constant operand has an unknown shape</source>
        <translation>شکل عملوند ثابت آن معلوم نیست</translation>
    </message>
    <message>
        <source>its constant operand is larger than its input</source>
        <translation>عملوند ثابت آن از ورودی‌اش بزرگ‌تر است</translation>
    </message>
    <message>
        <source>its axis does not leave the batch alone</source>
        <translation>محور آن بعد دسته را هم در بر می‌گیرد</translation>
    </message>
    <message>
        <source>its sizes are not constant</source>
        <translation>اندازه‌های آن ثابت نیستند</translation>
    </message>
    <message>
        <source>the size of its axis is unknown</source>
        <translation>اندازه محور آن معلوم نیست</translation>
    </message>
    <message>
        <source>it gives %1 sizes for %2 outputs</source>
        <translation>برای %2 خروجی، %1 اندازه می‌دهد</translation>
    </message>
    <message>
        <source>graph input &apos;%1&apos; has rank %2; Naqsh supports inputs of rank 2 (N×F), 4 (N×C×H×W) or 5 (N×C×D×H×W)</source>
        <translation>ورودی گراف «%1» مرتبه %2 دارد؛ «نقش» از ورودی‌های با مرتبه 2 (N×F)، 4 (N×C×H×W) یا 5 (N×C×D×H×W) پشتیبانی می‌کند</translation>
    </message>
    <message>
        <source>layer %1: Naqsh keeps one crop offset for every axis (%2); the shape does not depend on it</source>
        <translation>لایهٔ %1: «نقش» یک جابه‌جایی برش برای همهٔ محورها نگه می‌دارد (%2)؛ شکل به آن بستگی ندارد</translation>
    </message>
    <message>
        <source>Crop needs two bottoms: the blob to crop and the one whose size it takes</source>
        <translation>Crop به دو bottom نیاز دارد: blobی که بریده می‌شود و blobی که اندازه‌اش گرفته می‌شود</translation>
    </message>
    <message>
        <source>prior_box_param has no min_size</source>
        <translation>prior_box_param مقدار min_size ندارد</translation>
    </message>
    <message>
        <source>prior_box_param has %1 min_size and %2 max_size values; Caffe needs as many of each</source>
        <translation>prior_box_param دارای %1 مقدار min_size و %2 مقدار max_size است؛ Caffe از هر کدام به یک اندازه نیاز دارد</translation>
    </message>
    <message>
        <source>detection_output_param.num_classes is missing</source>
        <translation>detection_output_param.num_classes داده نشده است</translation>
    </message>
    <message>
        <source>layer %1 keeps every box (keep_top_k or nms_param.top_k is not set); Naqsh counts %2 kept and %3 compared per class (set them on the layer)</source>
        <translation>لایهٔ %1 همهٔ جعبه‌ها را نگه می‌دارد (keep_top_k یا nms_param.top_k تنظیم نشده است)؛ «نقش» %2 جعبهٔ نگه‌داشته و %3 جعبهٔ مقایسه‌شده در هر رده می‌شمارد (آن‌ها را روی لایه تنظیم کنید)</translation>
    </message>
    <message>
        <source>DetectionOutput needs three bottoms: locations, confidences and priors</source>
        <translation>DetectionOutput به سه bottom نیاز دارد: مکان‌ها، اطمینان‌ها و جعبه‌های پیش‌فرض</translation>
    </message>
    <message>
        <source>layer %1: the number of regions depends on the image; Naqsh counts %2, as Faster R-CNN keeps at test time (set Regions on the layer)</source>
        <translation>لایهٔ %1: شمار ناحیه‌ها به تصویر بستگی دارد؛ «نقش» %2 ناحیه می‌شمارد، همان‌قدر که Faster R-CNN در زمان آزمون نگه می‌دارد (ناحیه‌ها را روی لایه تنظیم کنید)</translation>
    </message>
    <message>
        <source>Python layer %1 (%2) runs code Naqsh cannot read; its output is taken as 300×5 regions, as Faster R-CNN keeps at test time (change it under Output shape)</source>
        <translation>لایهٔ پایتون %1 (%2) کدی اجرا می‌کند که «نقش» نمی‌تواند بخواند؛ خروجی آن 300×5 ناحیه گرفته می‌شود، همان‌قدر که Faster R-CNN در زمان آزمون نگه می‌دارد (آن را در «شکل خروجی» تغییر دهید)</translation>
    </message>
    <message>
        <source>Python layer %1 (%2) runs code Naqsh cannot read: set its output shape in the inspector and the layers after it get their numbers</source>
        <translation>لایهٔ پایتون %1 (%2) کدی اجرا می‌کند که «نقش» نمی‌تواند بخواند: شکل خروجی آن را در بازرس تنظیم کنید تا لایه‌های پس از آن عدد بگیرند</translation>
    </message>
    <message>
        <source>reshape_param.axis and num_axes need the rank of the input, which is unknown here</source>
        <translation>reshape_param.axis و num_axes به تعداد بعدهای ورودی نیاز دارند که اینجا معلوم نیست</translation>
    </message>
    <message>
        <source>layer %1: reshape_param axis %2 with num_axes %3 does not fit an input of %4 dimensions</source>
        <translation>لایهٔ %1: در reshape_param محور %2 با num_axes %3 با ورودیِ %4 بعدی جور نیست</translation>
    </message>
    <message>
        <source>this Reshape changes the number of axes in the middle of its input (axis %1, num_axes %2), which Naqsh&apos;s Reshape cannot express</source>
        <translation>این Reshape تعداد محورها را در میانهٔ ورودی‌اش تغییر می‌دهد (محور %1، num_axes %2) و Reshape «نقش» نمی‌تواند آن را بیان کند</translation>
    </message>
    <message>
        <source>layer %1: permute_param.order %2 is not an axis of an input of %3 dimensions</source>
        <translation>لایهٔ %1: permute_param.order %2 محوری از ورودیِ %3 بعدی نیست</translation>
    </message>
    <message>
        <source>layer %1: permute_param.order lists axis %2 twice</source>
        <translation>لایهٔ %1: permute_param.order محور %2 را دو بار آورده است</translation>
    </message>
    <message>
        <source>a Permute without an order needs the rank of its input, which is unknown here</source>
        <translation>Permute بدون ترتیب به تعداد بعدهای ورودی‌اش نیاز دارد که اینجا معلوم نیست</translation>
    </message>
    <message>
        <source>Slice writes no top</source>
        <translation>Slice هیچ top‌ای نمی‌نویسد</translation>
    </message>
    <message>
        <source>layer %1: slice_param has %2 slice_point values for %3 tops; Caffe needs one fewer than the tops</source>
        <translation>لایهٔ %1: slice_param برای %3 top، %2 مقدار slice_point دارد؛ Caffe یکی کمتر از تعداد topها می‌خواهد</translation>
    </message>
    <message>
        <source>layer %1: slice_point %2 must be larger than the one before (%3)</source>
        <translation>لایهٔ %1: slice_point %2 باید از مقدار پیش از خود (%3) بزرگ‌تر باشد</translation>
    </message>
    <message>
        <source>node %1: its input &apos;%2&apos; has no layer</source>
        <translation>گره %1: ورودی آن، «%2»، لایه‌ای ندارد</translation>
    </message>
    <message>
        <source>only one constant index is modelled</source>
        <translation>فقط یک اندیس ثابت مدل می‌شود</translation>
    </message>
    <message>
        <source>its index is outside the input</source>
        <translation>اندیس آن بیرون از ورودی است</translation>
    </message>
    <message>
        <source>equation &apos;%1&apos; is not modelled (%2); Naqsh maps batched matrix products such as &apos;bhid,bhjd-&gt;bhij&apos; and transposes such as &apos;ij-&gt;ji&apos;</source>
        <translation>معادلهٔ ‎&apos;%1&apos;‎ مدل نمی‌شود (%2)؛ نقش ضرب‌های ماتریسیِ دسته‌ای مانند ‎&apos;bhid,bhjd-&gt;bhij&apos;‎ و ترانهاده‌هایی مانند ‎&apos;ij-&gt;ji&apos;‎ را نگاشت می‌کند</translation>
    </message>
    <message>
        <source>an ellipsis</source>
        <translation>سه‌نقطه (...)</translation>
    </message>
    <message>
        <source>a label that is not a letter</source>
        <translation>برچسبی که حرف نیست</translation>
    </message>
    <message>
        <source>a label repeated in one term (a diagonal)</source>
        <translation>برچسبی که در یک جمله تکرار شده است (قطر)</translation>
    </message>
    <message numerus="yes">
        <source>%n operand(s)</source>
        <translation>
            <numerusform>%n عملوند</numerusform>
        </translation>
    </message>
    <message>
        <source>a sum over a label of one operand</source>
        <translation>جمع روی برچسبی که فقط در یک عملوند است</translation>
    </message>
    <message>
        <source>an output label in no operand</source>
        <translation>برچسبی در خروجی که در هیچ عملوندی نیست</translation>
    </message>
    <message>
        <source>not one summed label, one row label and one column label</source>
        <translation>نه دقیقاً یک برچسب جمع‌شونده، یک برچسب سطر و یک برچسب ستون</translation>
    </message>
    <message>
        <source>its equation has %1 operand(s), the node %2</source>
        <translation>معادله‌اش %1 عملوند دارد و گره %2</translation>
    </message>
    <message>
        <source>only a product of activations (not of a constant) is modelled</source>
        <translation>فقط ضرب دو فعال‌سازی (نه یک ثابت) مدل می‌شود</translation>
    </message>
    <message>
        <source>only non-negative padding is modelled</source>
        <translation>فقط لایه‌گذاری نامنفی مدل می‌شود</translation>
    </message>
</context>
<context>
    <name>naqsh::InspectorWidget</name>
    <message>
        <source>Kernel</source>
        <translation>کرنل</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>اتساع</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>پدینگ</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>پدینگ خروجی</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>اندازه خروجی</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>مقیاس</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>اندازه تصویر</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>شکل‌ها</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Layer name</source>
        <translation>نام لایه</translation>
    </message>
    <message>
        <source>The layer&apos;s name, shown on the canvas and in tables and exports</source>
        <translation>نام لایه، که روی بوم، در جدول‌ها و در خروجی‌های صادرشده نشان داده می‌شود</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>وزن‌ها</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>بایاس</translation>
    </message>
    <message>
        <source>buffers (not trained)</source>
        <translation>بافرها (آموزش‌ندیده)</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>فعال‌سازی‌ها</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>اوج حافظه</translation>
    </message>
    <message>
        <source>Multiply-accumulate operations for the whole batch, bias excluded</source>
        <translation>عملیات ضرب-انباشت (MAC) برای کل دسته، بدون بایاس</translation>
    </message>
    <message>
        <source>Memory of the output tensors</source>
        <translation>حافظه تانسورهای خروجی</translation>
    </message>
    <message>
        <source>The largest set of tensors that must be alive at the same time, in data-flow order</source>
        <translation>بزرگ‌ترین مجموعه تانسورهایی که باید هم‌زمان در حافظه بمانند، به ترتیب جریان داده</translation>
    </message>
    <message>
        <source>Square: keep both values equal (editing one edits both)</source>
        <translation>مربعی: هر دو مقدار برابر بمانند (ویرایش یکی هر دو را ویرایش می‌کند)</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>قفل %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A layer needs a name; it was kept as “%1”.</source>
        <translation>لایه به نام نیاز دارد؛ نام «%1» نگه داشته شد.</translation>
    </message>
    <message>
        <source>Drag layers from the palette onto the canvas to start.</source>
        <translation>برای شروع، لایه‌ها را از پنل «لایه‌ها» روی بوم بکشید.</translation>
    </message>
    <message>
        <source>Select a layer to see its shapes and edit its parameters.</source>
        <translation>لایه‌ای را انتخاب کنید تا شکل‌هایش را ببینید و پارامترهایش را ویرایش کنید.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Layers of different types</source>
        <translation>لایه‌هایی از نوع‌های مختلف</translation>
    </message>
    <message>
        <source>Only the parameters they have in common, with equal values, are shown.</source>
        <translation>فقط پارامترهای مشترکی که مقدار برابر دارند نشان داده می‌شوند.</translation>
    </message>
    <message>
        <source>no numbers</source>
        <translation>بدون عدد</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>ورودی‌ها</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>ورودی</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>وصل نشده</translation>
    </message>
    <message>
        <source>No parameter has the same value in all selected layers.</source>
        <translation>هیچ پارامتری در همه لایه‌های انتخاب‌شده مقدار یکسان ندارد.</translation>
    </message>
    <message>
        <source>This layer has no parameters to set.</source>
        <translation>این لایه پارامتری برای تنظیم ندارد.</translation>
    </message>
    <message>
        <source>Model totals</source>
        <translation>جمع کل مدل</translation>
    </message>
    <message>
        <source>Costs (sum of the selection)</source>
        <translation>هزینه‌ها (مجموع لایه‌های انتخاب‌شده)</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>هزینه‌ها</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>%1 values, %2</source>
        <translation>%1 مقدار، %2</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 مقدار</translation>
    </message>
    <message>
        <source>FLOPs counted as: %1</source>
        <translation>شیوه شمارش FLOPs: %1</translation>
    </message>
    <message>
        <source>%1 of %2 selected layers have no numbers and are left out.</source>
        <translation>%1 لایه از %2 لایه انتخاب‌شده عدد ندارند و کنار گذاشته شده‌اند.</translation>
    </message>
    <message>
        <source>Operations of imported operators are unknown and left out.</source>
        <translation>عملیات عملگرهای واردشده نامعلوم است و کنار گذاشته شده است.</translation>
    </message>
    <message>
        <source>Naqsh cannot count this imported operator&apos;s operations.</source>
        <translation>«نقش» نمی‌تواند عملیات این عملگر واردشده را بشمارد.</translation>
    </message>
    <message>
        <source>Set %1 of %2 layers</source>
        <translation>تنظیم %1 در %2 لایه</translation>
    </message>
    <message>
        <source>%1 layers selected</source>
        <translation>%1 لایه انتخاب شده</translation>
    </message>
    <message>
        <source>One layer in the model</source>
        <translation>یک لایه در مدل</translation>
    </message>
    <message>
        <source>%1 layers in the model</source>
        <translation>%1 لایه در مدل</translation>
    </message>
    <message>
        <source>One layer has no numbers; the totals leave it out.</source>
        <translation>یک لایه عدد ندارد؛ جمع‌های کل آن را در بر نمی‌گیرند.</translation>
    </message>
    <message>
        <source>%1 layers have no numbers; the totals leave them out.</source>
        <translation>%1 لایه عدد ندارند؛ جمع‌های کل آن‌ها را در بر نمی‌گیرند.</translation>
    </message>
    <message>
        <source>Expand into layers</source>
        <translation>باز کردن به لایه‌ها</translation>
    </message>
    <message>
        <source>Replace this block by the layers it is made of, wired the same way (one undo step); the totals stay the same</source>
        <translation>این بلوک را با لایه‌هایی که از آن‌ها ساخته شده و به همان شکل به هم وصل‌اند جایگزین می‌کند (یک گام واگرد)؛ جمع‌ها همان می‌مانند</translation>
    </message>
    <message>
        <source>%1
Set by the padding mode “%2”: choose “explicit” to edit it.</source>
        <translation>%1
مقدارش را حالت پدینگ «%2» تعیین می‌کند؛ برای ویرایش، «صریح» را برگزینید.</translation>
    </message>
</context>
<context>
    <name>naqsh::LayerPalette</name>
    <message>
        <source>No layer matches “%1”</source>
        <translation>هیچ لایه‌ای با «%1» جور نیست</translation>
    </message>
    <message>
        <source>Search or add: conv 5x5 32 same</source>
        <translation>جستجو یا افزودن: conv 5x5 32 same</translation>
    </message>
    <message>
        <source>Filter by name, id or description. Enter adds the first match after the selected layer. Parameters may follow the name, as the canvas writes them: “input 192x28x28”, “conv 5x5 32 same” (kernel, filters, padding), or key=value. Typing on the canvas starts here.</source>
        <translation>پالایش بر اساس نام، شناسه یا توضیح. کلید Enter نخستین نتیجه را پس از لایهٔ انتخاب‌شده می‌افزاید. پس از نام می‌توان پارامترها را همان‌گونه که بوم می‌نویسد آورد: «input 192x28x28»، «conv 5x5 32 same» (کرنل، فیلترها، پدینگ)، یا key=value. تایپ روی بوم از همین‌جا آغاز می‌شود.</translation>
    </message>
</context>
<context>
    <name>naqsh::MainWindow</name>
    <message>
        <source>About Naqsh</source>
        <translation>درباره نقش</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Naqsh %1&lt;/h3&gt;&lt;p&gt;A visual neural-network designer for the classroom: build a network, see every shape and cost as you edit, and ask how each number is computed.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;نقش %1&lt;/h3&gt;&lt;p&gt;طراح تصویری شبکه‌های عصبی برای کلاس درس: شبکه‌ای بسازید، هر شکل و هزینه را هم‌زمان با ویرایش ببینید، و بپرسید هر عدد چگونه حساب می‌شود.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;فایل‌های اخیر</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>Cost &amp;heat tint</source>
        <translation>&amp;رنگ‌آمیزی بر اساس هزینه</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>نوار ابزار اصلی</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;جدید</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>ذخیره &amp;به‌عنوان…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;بریدن</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;کپی</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;چسباندن</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;تکثیر</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;انتخاب همه</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;تغییر نام</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;متناسب با پنجره</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;اندازه واقعی</translation>
    </message>
    <message>
        <source>Snap to &amp;Grid</source>
        <translation>&amp;چسبیدن به توری</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <source>By MACs</source>
        <translation>بر اساس MACها</translation>
    </message>
    <message>
        <source>By parameters</source>
        <translation>بر اساس پارامترها</translation>
    </message>
    <message>
        <source>Latin digits (0-9)</source>
        <translation>ارقام لاتین (⁦0-9⁩)</translation>
    </message>
    <message>
        <source>&amp;About Naqsh</source>
        <translation>&amp;درباره نقش</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>لایه‌ها</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>مشخصات</translation>
    </message>
    <message>
        <source>Cost table</source>
        <translation>جدول هزینه</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>&lt;original&gt;</source>
        <translation>&lt;حالت اولیه&gt;</translation>
    </message>
    <message>
        <source>%1[*] — Naqsh</source>
        <translation>%1[*] — نقش</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 تغییرات ذخیره‌نشده دارد. ذخیره شوند؟</translation>
    </message>
    <message>
        <source>Open a network</source>
        <translation>باز کردن یک شبکه</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>نمی‌توان %1 را باز کرد:
%2</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>باز کردن ممکن نیست</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 باز شد</translation>
    </message>
    <message>
        <source>Save the network</source>
        <translation>ذخیره شبکه</translation>
    </message>
    <message>
        <source>Naqsh documents (*.naqsh)</source>
        <translation>سندهای نقش (*.naqsh)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>ذخیره ممکن نیست</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 ذخیره شد</translation>
    </message>
    <message>
        <source>an unsaved document</source>
        <translation>یک سند ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>کار ذخیره‌نشده بازگردانده شود؟</translation>
    </message>
    <message>
        <source>Naqsh was closed with unsaved changes to %1 (autosaved %2). Restore them?</source>
        <translation>«نقش» در حالی بسته شد که %1 تغییرات ذخیره‌نشده داشت (ذخیره خودکار در %2). این تغییرات بازگردانده شوند؟</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>بازگردانی ممکن نیست</translation>
    </message>
    <message>
        <source>Restored unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده بازگردانده شد</translation>
    </message>
    <message>
        <source>Tidy layout (left to right)</source>
        <translation>مرتب‌سازی چیدمان (از چپ به راست)</translation>
    </message>
    <message>
        <source>&amp;Import Model (ONNX, Caffe)…</source>
        <translation>&amp;وارد کردن مدل (ONNX، Caffe)…</translation>
    </message>
    <message>
        <source>&amp;Tidy Layout</source>
        <translation>&amp;مرتب‌سازی چیدمان</translation>
    </message>
    <message>
        <source>Tidy Layout, Left to Right</source>
        <translation>مرتب‌سازی چیدمان، از چپ به راست</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;حالت ارائه</translation>
    </message>
    <message>
        <source>&amp;Step Through Layers</source>
        <translation>&amp;مرور گام‌به‌گام لایه‌ها</translation>
    </message>
    <message>
        <source>Reveal the network layer by layer with the arrow keys</source>
        <translation>شبکه را با کلیدهای جهت‌دار لایه به لایه نمایان کنید</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;پوسته</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>پیروی از سیستم</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>&amp;Classroom</source>
        <translation>&amp;کلاس درس</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>&amp;مقایسه</translation>
    </message>
    <message>
        <source>Add Selection to Comparison as &amp;A…</source>
        <translation>افزودن لایه‌های انتخاب‌شده به مقایسه به‌عنوان &amp;A…</translation>
    </message>
    <message>
        <source>Add Selection to Comparison as &amp;B…</source>
        <translation>افزودن لایه‌های انتخاب‌شده به مقایسه به‌عنوان &amp;B…</translation>
    </message>
    <message>
        <source>Add a &amp;Branch (first and last layer)…</source>
        <translation>افزودن یک &amp;شاخه (نخستین و آخرین لایه)…</translation>
    </message>
    <message>
        <source>Compare with Another &amp;Document…</source>
        <translation>مقایسه با &amp;سندی دیگر…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>نمودارها</translation>
    </message>
    <message>
        <source>How is it computed?</source>
        <translation>چگونه حساب می‌شود؟</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>تمرین</translation>
    </message>
    <message>
        <source>Networks (*.naqsh *.onnx *.prototxt);;Naqsh documents (*.naqsh);;ONNX models (*.onnx);;Caffe prototxt (*.prototxt);;All files (*)</source>
        <translation>شبکه‌ها (*.naqsh *.onnx *.prototxt);;سندهای نقش (*.naqsh);;مدل‌های ONNX (*.onnx);;فایل‌های prototxt کافه (*.prototxt);;همه فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Import a model</source>
        <translation>وارد کردن یک مدل</translation>
    </message>
    <message>
        <source>Models (*.onnx *.prototxt);;ONNX models (*.onnx);;Caffe prototxt (*.prototxt)</source>
        <translation>مدل‌ها (*.onnx *.prototxt);;مدل‌های ONNX (*.onnx);;فایل‌های prototxt کافه (*.prototxt)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>در حال خواندن %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Cannot import %1:
%2</source>
        <translation>نمی‌توان %1 را وارد کرد:
%2</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>وارد کردن ممکن نیست</translation>
    </message>
    <message>
        <source>Imported with notes</source>
        <translation>وارد شد، با چند نکته</translation>
    </message>
    <message>
        <source>%1 was imported. Please note:

• %2</source>
        <translation>%1 وارد شد. لطفاً توجه کنید:

• %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%n layer(s))</source>
        <translation>
            <numerusform>%1 وارد شد (%n لایه)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidy layout</source>
        <translation>مرتب‌سازی چیدمان</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1 of %2: %3&lt;/b&gt;</source>
        <translation>&lt;b&gt;گام %1 از %2: %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>+%1 MACs, +%2 parameters</source>
        <translation>افزایش: %1 MAC، %2 پارامتر</translation>
    </message>
    <message>
        <source>Running total: %1 MACs, %2 parameters</source>
        <translation>جمع تا این‌جا: %1 MAC، %2 پارامتر</translation>
    </message>
    <message>
        <source>This layer has an error: %1</source>
        <translation>این لایه خطا دارد: %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;صدور…</translation>
    </message>
    <message>
        <source>Copy &amp;Diagram</source>
        <translation>کپی &amp;نمودار شبکه</translation>
    </message>
    <message>
        <source>Choose the interface font</source>
        <translation>انتخاب قلم رابط کاربری</translation>
    </message>
    <message>
        <source>&amp;Font…</source>
        <translation>&amp;قلم…</translation>
    </message>
    <message>
        <source>Opened %1 (%2)</source>
        <translation>%1 باز شد (%2)</translation>
    </message>
    <message>
        <source>Cannot restore the autosaved work from %1:
%2</source>
        <translation>بازگرداندن کار ذخیره‌شده خودکار از %1 ممکن نشد:
%2</translation>
    </message>
    <message>
        <source>Name the variant</source>
        <translation>نام گونه</translation>
    </message>
    <message>
        <source>The comparison shows this part of the network as:</source>
        <translation>مقایسه این بخش از شبکه را با این نام نشان می‌دهد:</translation>
    </message>
    <message>
        <source>Next: Page Down, Space or →; previous: Page Up or ←; Esc: stop</source>
        <translation>بعدی: Page Down، Space یا →؛ قبلی: Page Up یا ←؛ Esc: پایان</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>گروه‌بندی</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>لغو گروه‌بندی</translation>
    </message>
    <message>
        <source>The 1×1 convolution lesson</source>
        <translation>درس کانولوشن ۱×۱</translation>
    </message>
    <message>
        <source>GoogLeNet Inception (3a)</source>
        <translation>بلوک Inception (3a) در GoogLeNet</translation>
    </message>
    <message>
        <source>ResNet-50 bottleneck block</source>
        <translation>بلوک گلوگاهی ResNet-50</translation>
    </message>
    <message>
        <source>MobileNet depthwise-separable block</source>
        <translation>بلوک جداپذیر عمقی MobileNet</translation>
    </message>
    <message>
        <source>Squeeze-and-excitation (MobileNetV3 block)</source>
        <translation>فشرده‌سازی و برانگیختگی (بلوک MobileNetV3)</translation>
    </message>
    <message>
        <source>ShuffleNet v2 unit (channel shuffle)</source>
        <translation>واحد ShuffleNet v2 (بُر زدن کانال‌ها)</translation>
    </message>
    <message>
        <source>ConvNeXt block (LayerNorm, GELU)</source>
        <translation>بلوک ConvNeXt (LayerNorm و GELU)</translation>
    </message>
    <message>
        <source>Vision Transformer encoder block (attention)</source>
        <translation>بلوک رمزگذار ترنسفورمر بینایی (توجه)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;نمونه‌ها</translation>
    </message>
    <message>
        <source>Cannot open the example %1:
%2</source>
        <translation>باز کردن نمونهٔ %1 ممکن نیست:
%2</translation>
    </message>
    <message>
        <source>Opened the example “%1” as a new document</source>
        <translation>نمونهٔ «%1» به‌صورت یک سند تازه باز شد</translation>
    </message>
    <message>
        <source>Compare the B&amp;ranches</source>
        <translation>مقایسهٔ &amp;شاخه‌ها</translation>
    </message>
    <message>
        <source>The chains of layers leaving the fork of the selected layer become A and B, named by what they are</source>
        <translation>زنجیره‌های لایه‌ای که از انشعاب لایهٔ انتخاب‌شده جدا می‌شوند A و B می‌شوند و با آنچه هستند نام می‌گیرند</translation>
    </message>
</context>
<context>
    <name>naqsh::MeasureRunner</name>
    <message>
        <source>The document has no layers to run.</source>
        <translation>این سند لایه‌ای برای اجرا ندارد.</translation>
    </message>
    <message>
        <source>Measurement cancelled.</source>
        <translation>اندازه‌گیری لغو شد.</translation>
    </message>
    <message>
        <source>Measurement stopped: the network was edited while it ran. Measure again to time the network as it is now.</source>
        <translation>اندازه‌گیری متوقف شد: شبکه در میانهٔ اجرا ویرایش شد. برای زمان‌سنجی شبکه به شکل کنونی‌اش دوباره اندازه بگیرید.</translation>
    </message>
    <message>
        <source>Nothing in this network can run: %1</source>
        <translation>هیچ بخشی از این شبکه اجراشدنی نیست: %1</translation>
    </message>
</context>
<context>
    <name>naqsh::MeasuredChart</name>
    <message>
        <source>Export</source>
        <translation>صدور</translation>
    </message>
    <message>
        <source>Save this chart as an image or a vector drawing</source>
        <translation>ذخیره این نمودار به‌صورت تصویر یا طرح برداری</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>تصویر PNG…</translation>
    </message>
    <message>
        <source>PDF document (vector)…</source>
        <translation>سند PDF (برداری)…</translation>
    </message>
    <message>
        <source>SVG drawing (vector)…</source>
        <translation>طرح SVG (برداری)…</translation>
    </message>
    <message>
        <source>Predicted MACs (counted)</source>
        <translation>MACهای پیش‌بینی‌شده (شمرده‌شده)</translation>
    </message>
    <message>
        <source>Measured time (ms, median)</source>
        <translation>زمان اندازه‌گیری‌شده (میلی‌ثانیه، میانه)</translation>
    </message>
    <message>
        <source>Choose Run › Measure on This Computer to time every layer: each layer then appears here as a point, its measured time against its counted MACs.</source>
        <translation>برای زمان‌سنجی همهٔ لایه‌ها اجرا › اندازه‌گیری روی همین رایانه را بزنید: آن‌گاه هر لایه این‌جا یک نقطه است، زمان اندازه‌گیری‌شده‌اش در برابر MACهای شمرده‌شده‌اش.</translation>
    </message>
    <message>
        <source>No layer of this network does multiply-accumulates: nothing to place on the MACs axis.</source>
        <translation>هیچ لایه‌ای از این شبکه ضرب‌وجمع انجام نمی‌دهد: چیزی برای نشاندن روی محور MAC نیست.</translation>
    </message>
    <message>
        <source>%1 GMAC/s (fastest layer)</source>
        <translation>%1 GMAC/s (سریع‌ترین لایه)</translation>
    </message>
    <message>
        <source>One point per layer that does multiply-accumulates. On the dashed line a layer runs at the document&apos;s best rate (%1); far above it, a layer waits for memory: few MACs per byte it moves.</source>
        <translation>یک نقطه برای هر لایه‌ای که ضرب‌وجمع انجام می‌دهد. روی خط‌چین، لایه با بهترین آهنگ این سند (%1) اجرا می‌شود؛ لایه‌ای که بسیار بالاتر از آن است منتظر حافظه می‌ماند: به ازای هر بایتی که جابه‌جا می‌کند MAC کمی دارد.</translation>
    </message>
    <message numerus="yes">
        <source>%1 layer(s) without MACs (activations, pooling, joins) are left out.</source>
        <translation>
            <numerusform>%1 لایه بدون MAC (تابع‌های فعال‌سازی، ادغام، اتصال‌ها) کنار گذاشته شده است.</numerusform>
        </translation>
    </message>
    <message>
        <source>Measured before the last edit of the network; measure again.</source>
        <translation>پیش از آخرین ویرایش شبکه اندازه‌گیری شده است؛ دوباره اندازه بگیرید.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 MACs in %5 ms: %6 GMAC/s&lt;br&gt;%7 MACs per byte moved</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4 MAC در %5 میلی‌ثانیه: %6 GMAC/s&lt;br&gt;%7 MAC به ازای هر بایت جابه‌جاشده</translation>
    </message>
</context>
<context>
    <name>naqsh::MeasuredExplain</name>
    <message>
        <source>Measured on this computer</source>
        <translation>اندازه‌گیری روی همین رایانه</translation>
    </message>
    <message>
        <source>Measured before the last edit of the network: these numbers describe the network as it was. Choose Run › Measure on This Computer again.</source>
        <translation>پیش از آخرین ویرایش شبکه اندازه‌گیری شده است: این عددها شبکه را آن‌گونه که بود نشان می‌دهند. دوباره اجرا › اندازه‌گیری روی همین رایانه را بزنید.</translation>
    </message>
    <message>
        <source>Did not run</source>
        <translation>اجرا نشد</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>%1 ms, the median of %2 runs (spread %3 ms) · %4</source>
        <translation>%1 میلی‌ثانیه، میانهٔ %2 اجرا (پراکندگی %3 میلی‌ثانیه) · %4</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>سرعت</translation>
    </message>
    <message>
        <source>%1 MACs ÷ %2 ms = %3 GMAC/s</source>
        <translation>%1 MAC ÷ %2 میلی‌ثانیه = %3 GMAC/s</translation>
    </message>
    <message>
        <source>Bytes moved</source>
        <translation>بایت‌های جابه‌جاشده</translation>
    </message>
    <message>
        <source>input + weights + output, each read or written once, 4 bytes per value = %1</source>
        <translation>ورودی + وزن‌ها + خروجی، هر کدام یک بار خوانده یا نوشته، ۴ بایت برای هر مقدار = %1</translation>
    </message>
    <message>
        <source>Arithmetic intensity</source>
        <translation>شدت محاسباتی</translation>
    </message>
    <message>
        <source>%1 MACs ÷ %2 bytes = %3 MACs per byte</source>
        <translation>%1 MAC ÷ %2 بایت = %3 MAC به ازای هر بایت</translation>
    </message>
    <message>
        <source>This layer does no multiply-adds: all of its time goes to reading and writing %1. Its cost is memory traffic, which counting MACs does not see.</source>
        <translation>این لایه هیچ ضرب‌وجمعی انجام نمی‌دهد: همهٔ زمانش صرف خواندن و نوشتن %1 می‌شود. هزینهٔ آن رفت‌وآمد حافظه است که شمردن MACها آن را نمی‌بیند.</translation>
    </message>
    <message>
        <source>A 1×1 convolution uses each input value in only %1 multiply-adds, one per output channel; a 5×5 convolution with the same channels would use it %2 times. So it does few MACs for every byte it reads and writes (%3 here): the processor spends more of its time waiting for memory than multiplying, and the layer achieves fewer GMAC/s than a 5×5. It takes longer than its MACs alone predict.</source>
        <translation>کانولوشن ۱×۱ هر مقدار ورودی را فقط در %1 ضرب‌وجمع به کار می‌برد، یکی برای هر کانال خروجی؛ کانولوشن ۵×۵ با همین کانال‌ها آن را %2 بار به کار می‌برد. پس به ازای هر بایتی که می‌خواند و می‌نویسد MAC کمی انجام می‌دهد (این‌جا %3): پردازنده بیشتر وقتش را به انتظار حافظه می‌گذراند تا به ضرب، و لایه به GMAC/s کمتری از ۵×۵ می‌رسد. زمانش بیش از آن است که MACهایش به‌تنهایی پیش‌بینی می‌کنند.</translation>
    </message>
    <message>
        <source>A depthwise convolution gives each channel its own %1×%2 filter: each input value is used in only %3 multiply-adds, however many channels there are, where a full convolution uses it once for every output channel too. With so few MACs per byte (%4 here) the processor waits for memory, and the layer achieves fewer GMAC/s than a full convolution.</source>
        <translation>کانولوشن عمقی به هر کانال فیلتر %1×%2 خودش را می‌دهد: هر مقدار ورودی، هر چند کانال که باشد، فقط در %3 ضرب‌وجمع به کار می‌رود، در حالی که کانولوشن کامل آن را برای هر کانال خروجی هم یک بار به کار می‌برد. با این‌قدر MAC کم به ازای هر بایت (این‌جا %4) پردازنده منتظر حافظه می‌ماند و لایه به GMAC/s کمتری از کانولوشن کامل می‌رسد.</translation>
    </message>
    <message>
        <source>Each input value of this %1×%2 convolution is used in up to %3 multiply-adds (%1×%2 positions × %4 output channels), so it does many MACs for every byte it moves (%5 here). The multipliers stay busy: this is the kind of layer that reaches this computer&apos;s best GMAC/s.</source>
        <translation>هر مقدار ورودی این کانولوشن %1×%2 در حداکثر %3 ضرب‌وجمع به کار می‌رود (%1×%2 موقعیت × %4 کانال خروجی)، پس به ازای هر بایتی که جابه‌جا می‌کند MAC زیادی انجام می‌دهد (این‌جا %5). ضرب‌کننده‌ها مشغول می‌مانند: این همان گونه لایه‌ای است که به بهترین GMAC/s این رایانه می‌رسد.</translation>
    </message>
    <message>
        <source>This layer does %1 MACs for every byte it moves. The fewer MACs per byte, the more a layer waits for memory instead of multiplying, and the fewer GMAC/s it achieves.</source>
        <translation>این لایه به ازای هر بایتی که جابه‌جا می‌کند %1 MAC انجام می‌دهد. هر چه MAC به ازای هر بایت کمتر باشد، لایه بیشتر به جای ضرب منتظر حافظه می‌ماند و به GMAC/s کمتری می‌رسد.</translation>
    </message>
    <message>
        <source>The fastest layer of this document, %1, reaches %2 GMAC/s at %3 MACs per byte; this layer reaches %4 of that.</source>
        <translation>سریع‌ترین لایهٔ این سند، «%1»، با %3 MAC به ازای هر بایت به %2 GMAC/s می‌رسد؛ این لایه به %4 آن می‌رسد.</translation>
    </message>
</context>
<context>
    <name>naqsh::Measurement</name>
    <message>
        <source>expected a text</source>
        <translation>یک متن انتظار می‌رفت</translation>
    </message>
    <message>
        <source>threads and repeat must be positive numbers</source>
        <translation>شمار رشته‌ها و تکرارها باید عددهای مثبت باشند</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>یک فهرست انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>یک شیء JSON انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected a layer id (a whole number)</source>
        <translation>شناسهٔ یک لایه انتظار می‌رفت (یک عدد صحیح)</translation>
    </message>
    <message>
        <source>expected one time per run (%1)</source>
        <translation>برای هر اجرا یک زمان انتظار می‌رفت (%1)</translation>
    </message>
    <message>
        <source>expected times in milliseconds</source>
        <translation>زمان‌هایی بر حسب میلی‌ثانیه انتظار می‌رفت</translation>
    </message>
</context>
<context>
    <name>naqsh::NaqshFile</name>
    <message>
        <source>line %1, column %2</source>
        <translation>سطر %1، ستون %2</translation>
    </message>
    <message>
        <source>expected a layer id (a positive whole number)</source>
        <translation>شناسه لایه (یک عدد صحیح مثبت) انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>یک شیء JSON انتظار می‌رفت</translation>
    </message>
    <message>
        <source>id %1 is used twice</source>
        <translation>شناسه %1 دو بار به کار رفته است</translation>
    </message>
    <message>
        <source>expected a layer type name</source>
        <translation>نام یک نوع لایه انتظار می‌رفت</translation>
    </message>
    <message>
        <source>unknown layer type &quot;%1&quot;</source>
        <translation>نوع لایه ناشناخته: «%1»</translation>
    </message>
    <message>
        <source>expected a non-empty name</source>
        <translation>نامی ناتهی انتظار می‌رفت</translation>
    </message>
    <message>
        <source>%1 has no parameter &quot;%2&quot;</source>
        <translation>%1 پارامتری به نام «%2» ندارد</translation>
    </message>
    <message>
        <source>expected [x, y]</source>
        <translation>[x, y] انتظار می‌رفت</translation>
    </message>
    <message>
        <source>no layer has id %1</source>
        <translation>هیچ لایه‌ای شناسه %1 ندارد</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; (%2) has no output</source>
        <translation>لایه «%1» (%2) خروجی ندارد</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; (%2) takes at most %3 input(s)</source>
        <translation>لایه «%1» (%2) حداکثر %3 ورودی می‌پذیرد</translation>
    </message>
    <message>
        <source>connecting &apos;%1&apos; to &apos;%2&apos; makes a cycle</source>
        <translation>اتصال «%1» به «%2» یک دور می‌سازد</translation>
    </message>
    <message>
        <source>expected a name</source>
        <translation>یک نام انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected a list of layer ids</source>
        <translation>فهرستی از شناسه‌های لایه انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected a file path</source>
        <translation>مسیر یک فایل انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected &quot;path&quot;, &quot;layers&quot; or &quot;document&quot;</source>
        <translation>&quot;path&quot;، &quot;layers&quot; یا &quot;document&quot; انتظار می‌رفت</translation>
    </message>
    <message>
        <source>not valid JSON at %1: %2</source>
        <translation>JSON در %1 معتبر نیست: %2</translation>
    </message>
    <message>
        <source>not a Naqsh document: the top level must be a JSON object</source>
        <translation>سند «نقش» نیست: بالاترین سطح باید یک شیء JSON باشد</translation>
    </message>
    <message>
        <source>not a Naqsh document: &quot;format&quot; must be &quot;naqsh&quot;</source>
        <translation>سند «نقش» نیست: مقدار &quot;format&quot; باید &quot;naqsh&quot; باشد</translation>
    </message>
    <message>
        <source>version: expected a whole number</source>
        <translation>version: یک عدد صحیح انتظار می‌رفت</translation>
    </message>
    <message>
        <source>this file uses format version %1, written by a newer Naqsh; this version reads up to version %2</source>
        <translation>این فایل نسخه %1 قالب را به کار می‌برد که نسخه جدیدتری از «نقش» آن را نوشته است؛ این نسخه تا نسخه %2 را می‌خواند</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>یک فهرست انتظار می‌رفت</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>نمی‌توان %1 را باز کرد: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a Naqsh document</source>
        <translation>%1 بزرگ‌تر از آن است که سند «نقش» باشد</translation>
    </message>
    <message>
        <source>%1: the comparison &quot;%2&quot; names layer id %3, which is not in the document; it was left out</source>
        <translation>%1: مقایسه «%2» به لایه با شناسه %3 اشاره می‌کند که در سند نیست؛ این مقایسه کنار گذاشته شد</translation>
    </message>
    <message>
        <source>expected an output index from 0 to %1 of layer &apos;%2&apos; (%3)</source>
        <translation>شماره خروجی باید از 0 تا %1 لایه «%2» (%3) باشد</translation>
    </message>
    <message>
        <source>measurement: expected an object; the stored measurement is left out</source>
        <translation>measurement: یک شیء JSON انتظار می‌رفت؛ اندازه‌گیری ذخیره‌شده کنار گذاشته شد</translation>
    </message>
    <message>
        <source>expected a block id (a positive whole number)</source>
        <translation>شناسه بلوک (یک عدد صحیح مثبت) انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected the id of the block around this one</source>
        <translation>شناسه بلوکِ دربرگیرنده این بلوک انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true یا false انتظار می‌رفت</translation>
    </message>
</context>
<context>
    <name>naqsh::NodeItem</name>
    <message>
        <source>%1 params · %2 MACs</source>
        <translation>%1 پارامتر، %2 MAC</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
</context>
<context>
    <name>naqsh::Notes</name>
    <message>
        <source>Representational bottleneck</source>
        <translation>تنگنای بازنمایی</translation>
    </message>
    <message>
        <source>&apos;%1&apos; squeezes %2 channels into %3 (less than a quarter). The savings are real, but squeezing this hard can throw away information the next layers need: a representational bottleneck.</source>
        <translation>«%1» تعداد %2 کانال را به %3 کانال می‌فشارد (کمتر از یک‌چهارم). صرفه‌جویی واقعی است، اما فشردن تا این حد ممکن است اطلاعاتی را که لایه‌های بعدی لازم دارند دور بریزد: یک تنگنای بازنمایی (representational bottleneck).</translation>
    </message>
    <message>
        <source>Very early in the network</source>
        <translation>خیلی زود در شبکه</translation>
    </message>
    <message>
        <source>&apos;%1&apos; reduces channels right at the start, where the features are still low-level. A 1×1 sees one pixel at a time, so it compresses before any spatial context has been gathered; bottlenecks usually pay off deeper in the network.</source>
        <translation>«%1» درست در آغاز شبکه، جایی که ویژگی‌ها هنوز سطح پایین‌اند، کانال‌ها را کم می‌کند. کانولوشن 1×1 هر بار فقط یک پیکسل را می‌بیند، پس پیش از آنکه هیچ بافت فضایی‌ای گردآوری شود فشرده می‌کند؛ تنگناها معمولاً در لایه‌های عمیق‌تر شبکه سودمندند.</translation>
    </message>
    <message>
        <source>Why SE costs almost nothing</source>
        <translation>چرا SE تقریباً هزینه‌ای ندارد</translation>
    </message>
    <message>
        <source>&apos;%1&apos; costs %2 MACs, %3 % of this model&apos;s %4. Its two 1×1 convolutions work on the squeezed 1×1 map, one value per channel, so their cost does not grow with the %5×%6 image; a 1×1 convolution on the full map would cost %7 times as much. It adds %8 parameters (%9 % of the model).</source>
        <translation>«%1» %2 MAC هزینه دارد، %3 درصد از %4 MAC این مدل. دو کانولوشن ۱×۱ آن روی نقشهٔ فشردهٔ ۱×۱ کار می‌کنند، یک مقدار برای هر کانال، پس هزینه‌شان با تصویر %5×%6 رشد نمی‌کند؛ یک کانولوشن ۱×۱ روی نقشهٔ کامل %7 برابر هزینه داشت. این بلوک %8 پارامتر می‌افزاید (%9 درصد مدل).</translation>
    </message>
    <message>
        <source>Why the channels are shuffled</source>
        <translation>چرا کانال‌ها بُر زده می‌شوند</translation>
    </message>
    <message>
        <source>A grouped 1×1 convolution with %1 groups costs %1 times fewer MACs, but each output channel then sees only the %2 channels of its own group (ShuffleNet v2&apos;s split does the same to the two halves). Stacked without &apos;%3&apos;, the groups would never exchange information. The shuffle does no arithmetic: it only reorders the %4 channels so that the next block&apos;s groups each get channels from every group.</source>
        <translation>کانولوشن ۱×۱ گروهی با %1 گروه %1 برابر MAC کمتری دارد، اما هر کانال خروجی فقط %2 کانال گروه خودش را می‌بیند (تقسیم در ShuffleNet v2 همین کار را با دو نیمه می‌کند). اگر بلوک‌ها بدون «%3» روی هم چیده شوند، گروه‌ها هرگز اطلاعات مبادله نمی‌کنند. بُر زدن هیچ محاسبه‌ای ندارد: فقط %4 کانال را از نو می‌چیند تا هر گروهِ بلوک بعدی از همهٔ گروه‌ها کانال بگیرد.</translation>
    </message>
    <message>
        <source>A Linear layer over pixels is a 1×1 convolution</source>
        <translation>لایهٔ خطی روی پیکسل‌ها همان کانولوشن ۱×۱ است</translation>
    </message>
    <message>
        <source>&apos;%1&apos; applies one %2 → %3 matrix to each of the %4×%5 positions of a channels-last map: exactly what a 1×1 convolution does, with the same %6 MACs. ConvNeXt&apos;s inverted bottleneck widens the channels four times here, after a cheap depthwise convolution has mixed the positions.</source>
        <translation>«%1» یک ماتریس %2 ← %3 را بر هر یک از %4×%5 موقعیت نقشه‌ای با کانال‌ها در آخر اعمال می‌کند: دقیقاً کار یک کانولوشن ۱×۱، با همان %6 MAC. گلوگاه وارونهٔ ConvNeXt کانال‌ها را این‌جا چهار برابر پهن می‌کند، پس از آن‌که یک کانولوشن عمقی ارزان موقعیت‌ها را آمیخته است.</translation>
    </message>
    <message>
        <source>Where attention&apos;s cost grows with the square of the tokens</source>
        <translation>جایی که هزینهٔ توجه با مربع تعداد توکن‌ها رشد می‌کند</translation>
    </message>
    <message>
        <source>In &apos;%1&apos; the four projections (Q, K, V, output) cost %2 MACs: %3 tokens × 4 × %4 × %4, linear in the token count. Q·Kᵀ and A·V cost %5 MACs: 2 × %3 × %3 × %4, which grows with its square. With twice the tokens (a larger image, or smaller patches) the projections cost twice as much and Q·Kᵀ and A·V four times as much; they overtake the projections once the tokens outnumber 2 × %4 = %6.</source>
        <translation>در «%1» چهار تصویر (Q، K، V، خروجی) %2 MAC هزینه دارند: %3 توکن × 4 × %4 × %4، خطی نسبت به تعداد توکن‌ها. Q·Kᵀ و A·V %5 MAC هزینه دارند: 2 × %3 × %3 × %4، که با مربع آن رشد می‌کند. با دو برابر توکن (تصویر بزرگ‌تر یا وصله‌های کوچک‌تر) هزینهٔ تصویرها دو برابر و هزینهٔ Q·Kᵀ و A·V چهار برابر می‌شود؛ وقتی تعداد توکن‌ها از 2 × %4 = %6 بیشتر شود، از تصویرها پیشی می‌گیرند.</translation>
    </message>
</context>
<context>
    <name>naqsh::NumberFormat</name>
    <message>
        <source>too large to count in 64 bits</source>
        <translation>بزرگ‌تر از آن که در 64 بیت شمرده شود</translation>
    </message>
</context>
<context>
    <name>naqsh::OnnxReader</name>
    <message>
        <source>negative dimension %1</source>
        <translation>بعد منفی %1</translation>
    </message>
    <message>
        <source>dimension %1 is larger than 2^31</source>
        <translation>بعد %1 از 2^31 بزرگ‌تر است</translation>
    </message>
    <message>
        <source>the number of elements does not fit in 64 bits</source>
        <translation>تعداد عناصر در 64 بیت جا نمی‌شود</translation>
    </message>
    <message>
        <source>the model declares no operator set version for the standard ONNX domain (opset_import is missing; the file may be truncated)</source>
        <translation>مدل نسخه مجموعه عملگرها (opset) را برای دامنه استاندارد ONNX اعلام نمی‌کند (opset_import وجود ندارد؛ شاید فایل ناقص باشد)</translation>
    </message>
    <message>
        <source>graph &apos;%1&apos; has no nodes</source>
        <translation>گراف «%1» هیچ گره‌ای ندارد</translation>
    </message>
    <message>
        <source>initializer &apos;%1&apos;: %2</source>
        <translation>initializer «%1»: %2</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos;: %3</source>
        <translation>%1 «%2»: %3</translation>
    </message>
    <message>
        <source>graph input</source>
        <translation>ورودی گراف</translation>
    </message>
    <message>
        <source>graph output</source>
        <translation>خروجی گراف</translation>
    </message>
    <message>
        <source>value_info</source>
        <translation>value_info</translation>
    </message>
    <message>
        <source>node %1: tensor &apos;%2&apos; is produced more than once</source>
        <translation>گره %1: تانسور «%2» بیش از یک بار تولید شده است</translation>
    </message>
    <message>
        <source>node %1, attribute &apos;%2&apos;: %3</source>
        <translation>گره %1، ویژگی «%2»: %3</translation>
    </message>
    <message>
        <source>node %1: input &apos;%2&apos; is not produced by any node and is not a graph input or initializer</source>
        <translation>گره %1: ورودی «%2» را هیچ گره‌ای تولید نمی‌کند و ورودی گراف یا initializer هم نیست</translation>
    </message>
    <message>
        <source>node %1 uses &apos;%2&apos; before the node that produces it; nodes are not in topological order</source>
        <translation>گره %1 از «%2» پیش از گره تولیدکننده‌اش استفاده می‌کند؛ گره‌ها به ترتیب توپولوژیک نیستند</translation>
    </message>
    <message>
        <source>graph output &apos;%1&apos; is not produced by any node</source>
        <translation>خروجی گراف «%1» را هیچ گره‌ای تولید نمی‌کند</translation>
    </message>
    <message>
        <source>shape inference stopped early: %1</source>
        <translation>استنتاج شکل زودتر متوقف شد: %1</translation>
    </message>
    <message>
        <source>node %1: shape inference failed: %2</source>
        <translation>گره %1: استنتاج شکل ناموفق بود: %2</translation>
    </message>
    <message>
        <source>shape inference stopped early</source>
        <translation>استنتاج شکل زودتر متوقف شد</translation>
    </message>
    <message numerus="yes">
        <source>shape inference: %n more node(s) failed</source>
        <translation>
            <numerusform>استنتاج شکل: در %n گره دیگر هم ناموفق بود</numerusform>
        </translation>
    </message>
    <message>
        <source>reading was cancelled</source>
        <translation>خواندن لغو شد</translation>
    </message>
    <message>
        <source>the model is larger than 2 GB; protobuf cannot read a single message of that size (such models keep weights in external data files)</source>
        <translation>مدل بزرگ‌تر از 2 GB است؛ protobuf نمی‌تواند یک پیام به این اندازه را بخواند (چنین مدل‌هایی وزن‌ها را در فایل‌های داده خارجی نگه می‌دارند)</translation>
    </message>
    <message>
        <source>the file is truncated: the model data ends at byte %1 of %2 in the middle of a field</source>
        <translation>فایل ناقص است: داده‌های مدل در بایت %1 از %2، در میانه یک فیلد، تمام می‌شود</translation>
    </message>
    <message>
        <source>not an ONNX model (wrong magic / parse failed at byte %1)</source>
        <translation>مدل ONNX نیست (امضای نادرست / تجزیه در بایت %1 ناموفق بود)</translation>
    </message>
    <message>
        <source>not an ONNX model (wrong magic / parse failed)</source>
        <translation>مدل ONNX نیست (امضای نادرست / تجزیه ناموفق بود)</translation>
    </message>
    <message>
        <source>not an ONNX model (wrong magic: no IR version and no graph)</source>
        <translation>مدل ONNX نیست (امضای نادرست: نه نسخه IR دارد و نه گراف)</translation>
    </message>
    <message>
        <source>the model contains no graph (the file may be truncated)</source>
        <translation>مدل هیچ گرافی ندارد (شاید فایل ناقص باشد)</translation>
    </message>
    <message>
        <source>out of memory while reading the model</source>
        <translation>حافظه هنگام خواندن مدل تمام شد</translation>
    </message>
    <message>
        <source>could not read the model: %1</source>
        <translation>خواندن مدل ممکن نشد: %1</translation>
    </message>
    <message>
        <source>could not read the model</source>
        <translation>خواندن مدل ممکن نشد</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: it is a folder</source>
        <translation>نمی‌توان «%1» را باز کرد: یک پوشه است</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: the file does not exist</source>
        <translation>نمی‌توان «%1» را باز کرد: فایل وجود ندارد</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>نمی‌توان «%1» را باز کرد: %2</translation>
    </message>
    <message>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>نمی‌توان «%1» را خواند: %2</translation>
    </message>
    <message>
        <source>type %1</source>
        <translation>نوع %1</translation>
    </message>
    <message numerus="yes">
        <source>ONNX shape inference took longer than %n second(s) and was stopped; only the shapes written in the file are known</source>
        <translation>
            <numerusform>دریافت شکل‌ها در ONNX بیش از %n ثانیه طول کشید و متوقف شد؛ تنها شکل‌هایی که در پرونده نوشته شده‌اند معلوم‌اند</numerusform>
        </translation>
    </message>
    <message>
        <source>ONNX shape inference failed on this model (the library stopped with signal %1); only the shapes written in the file are known</source>
        <translation>دریافت شکل‌ها در ONNX روی این مدل شکست خورد (کتابخانه با سیگنال %1 از کار ایستاد)؛ تنها شکل‌هایی که در پرونده نوشته شده‌اند معلوم‌اند</translation>
    </message>
</context>
<context>
    <name>naqsh::OnnxValidate</name>
    <message>
        <source>node #%1 (%2)</source>
        <translation>گره ‎#%1 (%2)</translation>
    </message>
    <message>
        <source>node &apos;%1&apos; (%2)</source>
        <translation>گره &apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>the graph has a cycle: %1 needs &apos;%2&apos; from %3, which depends, directly or through other nodes, on the first node&apos;s output; an ONNX graph must have no cycles</source>
        <translation>گراف چرخه دارد: %1 به &apos;%2&apos; از %3 نیاز دارد که خودش، مستقیم یا از راه گره‌های دیگر، به خروجی گره نخست وابسته است؛ گراف ONNX نباید چرخه داشته باشد</translation>
    </message>
    <message>
        <source>the graph has a cycle; an ONNX graph must have no cycles</source>
        <translation>گراف چرخه دارد؛ گراف ONNX نباید چرخه داشته باشد</translation>
    </message>
    <message>
        <source>%1, attribute &apos;%2&apos;: %3</source>
        <translation>%1، ویژگی &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>must be a list of integers, but the file stores another kind of value</source>
        <translation>باید فهرستی از عددهای صحیح باشد، ولی پرونده مقداری از نوع دیگر دارد</translation>
    </message>
    <message>
        <source>%1 has a value out of range: every value must be from %2 to %3</source>
        <translation>%1 مقداری بیرون از محدوده دارد: هر مقدار باید از %2 تا %3 باشد</translation>
    </message>
    <message>
        <source>%1 with kernel_shape %2 makes a kernel wider than 2^62</source>
        <translation>%1 همراه با kernel_shape %2 کرنلی پهن‌تر از 2^62 می‌سازد</translation>
    </message>
    <message>
        <source>%1: attribute &apos;kernel_shape&apos; is missing; the operator needs it</source>
        <translation>%1: ویژگی &apos;kernel_shape&apos; نیست؛ این عملگر به آن نیاز دارد</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID</source>
        <translation>&apos;%1&apos; یکی از NOTSET، SAME_UPPER، SAME_LOWER، VALID نیست</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation>باید عددی صحیح از 1 تا %1 باشد</translation>
    </message>
    <message>
        <source>must be 0 or 1</source>
        <translation>باید 0 یا 1 باشد</translation>
    </message>
    <message>
        <source>%1: input &apos;%2&apos; has %3 dimension(s); the operator needs at least 3 (batch, channels and one or more spatial dimensions)</source>
        <translation>%1: ورودی &apos;%2&apos; %3 بعد دارد؛ این عملگر دست‌کم 3 بعد می‌خواهد (دسته، کانال‌ها و یک یا چند بعد مکانی)</translation>
    </message>
    <message>
        <source>%1: input &apos;%2&apos; is declared with %3 dimensions in the file, but the nodes before it give it %4</source>
        <translation>%1: ورودی &apos;%2&apos; در پرونده با %3 بعد اعلام شده، ولی گره‌های پیش از آن %4 بعد به آن می‌دهند</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has %2 dimensions</source>
        <translation>ورودی &apos;%1&apos; %2 بعد دارد</translation>
    </message>
    <message>
        <source>%1: the weight input is missing</source>
        <translation>%1: ورودی وزن نیست</translation>
    </message>
    <message>
        <source>%1: weight &apos;%2&apos; has %3 dimension(s); a convolution weight has at least 3 (output channels, input channels, kernel)</source>
        <translation>%1: وزن &apos;%2&apos; %3 بعد دارد؛ وزن کانولوشن دست‌کم 3 بعد دارد (کانال‌های خروجی، کانال‌های ورودی، کرنل)</translation>
    </message>
    <message>
        <source>%1: weight &apos;%2&apos; has %3 dimensions but input &apos;%4&apos; has %5; they must have the same number of dimensions</source>
        <translation>%1: وزن &apos;%2&apos; %3 بعد دارد ولی ورودی &apos;%4&apos; %5 بعد؛ شمار بعدهای آن دو باید یکی باشد</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; has %2 dimensions</source>
        <translation>وزن &apos;%1&apos; %2 بعد دارد</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; has %2 values</source>
        <translation>ویژگی &apos;%1&apos; %2 مقدار دارد</translation>
    </message>
    <message>
        <source>%1 has %2 values, but %3, so it needs %4</source>
        <translation>%1 %2 مقدار دارد، ولی %3، پس %4 مقدار لازم است</translation>
    </message>
    <message>
        <source>%1 has %2 values, but %3</source>
        <translation>%1 %2 مقدار دارد، ولی %3</translation>
    </message>
    <message>
        <source>%1: input &apos;%2&apos; has %3 dimension(s); the operator needs 4</source>
        <translation>%1: ورودی &apos;%2&apos; %3 بعد دارد؛ این عملگر 4 بعد می‌خواهد</translation>
    </message>
    <message>
        <source>%1 has no outputs</source>
        <translation>%1 هیچ خروجی ندارد</translation>
    </message>
    <message>
        <source>%1 is not an order of the input&apos;s %2 axes</source>
        <translation>%1 ترتیبی از %2 محور ورودی نیست</translation>
    </message>
</context>
<context>
    <name>naqsh::PrototxtParser</name>
    <message>
        <source>a message</source>
        <translation>یک پیام</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>نویسه غیرمنتظره &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unexpected character U+%1</source>
        <translation>نویسه غیرمنتظره U+%1</translation>
    </message>
    <message>
        <source>unexpected byte 0x%1</source>
        <translation>بایت غیرمنتظره 0x%1</translation>
    </message>
    <message>
        <source>invalid number &apos;%1&apos;</source>
        <translation>عدد نامعتبر &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>رشته بسته نشده است</translation>
    </message>
    <message>
        <source>invalid escape sequence &apos;\x&apos; in string: expected hex digits</source>
        <translation>دنباله گریز نامعتبر &apos;\x&apos; در رشته: رقم‌های هگزادسیمال انتظار می‌رفت</translation>
    </message>
    <message>
        <source>invalid escape sequence &apos;\%1&apos; in string: expected %2 hex digits</source>
        <translation>دنباله گریز نامعتبر &apos;\%1&apos; در رشته: %2 رقم هگزادسیمال انتظار می‌رفت</translation>
    </message>
    <message>
        <source>invalid escape sequence in string: U+%1 is not a valid code point</source>
        <translation>دنباله گریز نامعتبر در رشته: U+%1 نقطه کد معتبری نیست</translation>
    </message>
    <message>
        <source>invalid escape sequence &apos;\%1&apos; in string</source>
        <translation>دنباله گریز نامعتبر &apos;\%1&apos; در رشته</translation>
    </message>
    <message>
        <source>invalid escape sequence in string</source>
        <translation>دنباله گریز نامعتبر در رشته</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>پایان فایل</translation>
    </message>
    <message>
        <source>unexpected end of file inside &apos;%1&apos; (opened at line %2): expected &apos;%3&apos;</source>
        <translation>پایان غیرمنتظره فایل درون «%1» (بازشده در سطر %2): &apos;%3&apos; انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; to close &apos;%2&apos; opened at line %3, found %4</source>
        <translation>برای بستن &apos;%2&apos; که در سطر %3 باز شده بود &apos;%1&apos; انتظار می‌رفت، اما %4 آمد</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos;: no message is open</source>
        <translation>&apos;%1&apos; غیرمنتظره: هیچ پیامی باز نیست</translation>
    </message>
    <message>
        <source>expected a field name, found %1</source>
        <translation>نام فیلد انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>unexpected end of file inside the extension name opened at line %1, column %2: expected &apos;]&apos;</source>
        <translation>پایان غیرمنتظره فایل درون نام افزونه‌ای که در سطر %1، ستون %2 باز شده بود: &apos;]&apos; انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected an extension name like [package.field], found %1</source>
        <translation>نام افزونه‌ای مانند [package.field] انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>unexpected end of file after &apos;%1&apos;: expected &apos;:&apos; or &apos;{&apos;</source>
        <translation>پایان غیرمنتظره فایل پس از «%1»: &apos;:&apos; یا &apos;{&apos; انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; or &apos;{&apos; after &apos;%1&apos;, found %2</source>
        <translation>پس از «%1» &apos;:&apos; یا &apos;{&apos; انتظار می‌رفت، اما %2 آمد</translation>
    </message>
    <message>
        <source>unexpected end of file inside the list for &apos;%1&apos; (opened at line %2): expected &apos;]&apos;</source>
        <translation>پایان غیرمنتظره فایل درون فهرست «%1» (بازشده در سطر %2): &apos;]&apos; انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in the list for &apos;%1&apos;, found %2</source>
        <translation>در فهرست «%1»، &apos;,&apos; یا &apos;]&apos; انتظار می‌رفت، اما %2 آمد</translation>
    </message>
    <message>
        <source>messages are nested deeper than %1 levels</source>
        <translation>پیام‌ها بیش از %1 سطح تودرتو شده‌اند</translation>
    </message>
    <message>
        <source>unexpected end of file: expected a value for &apos;%1&apos;</source>
        <translation>پایان غیرمنتظره فایل: مقداری برای «%1» انتظار می‌رفت</translation>
    </message>
    <message>
        <source>expected a number after &apos;-&apos;, found %1</source>
        <translation>پس از &apos;-&apos; عدد انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>expected a value for &apos;%1&apos;, found %2</source>
        <translation>مقداری برای «%1» انتظار می‌رفت، اما %2 آمد</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>سطر %1، ستون %2: %3</translation>
    </message>
    <message>
        <source>integer %1 is out of range</source>
        <translation>عدد صحیح %1 خارج از محدوده است</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>عدد صحیح انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>عدد انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true یا false انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>رشته انتظار می‌رفت، اما %1 آمد</translation>
    </message>
    <message>
        <source>out of memory while parsing</source>
        <translation>حافظه هنگام تجزیه تمام شد</translation>
    </message>
</context>
<context>
    <name>naqsh::QuickAdd</name>
    <message>
        <source>No layer type matches “%1”</source>
        <translation>هیچ نوع لایه‌ای با «%1» جور نیست</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>“%1” is not a value of %2: write key=value, e.g. %3=…</source>
        <translation>«%1» مقداری برای %2 نیست: به شکل key=value بنویسید، مثلاً %3=…</translation>
    </message>
    <message>
        <source>%1 has no parameter “%2”</source>
        <translation>%1 پارامتری به نام «%2» ندارد</translation>
    </message>
</context>
<context>
    <name>naqsh::Recovery</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>ساختن پوشه %1 ممکن نشد</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>ذخیره خودکار ناموفق بود: %1</translation>
    </message>
</context>
<context>
    <name>naqsh::Report</name>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) have unknown cost (ops: %1); the totals leave their operations out</source>
        <translation>
            <numerusform>هزینه %n لایه نامعلوم است (عملگرها: %1)؛ جمع‌های کل عملیات آن‌ها را در بر نمی‌گیرند</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>لایه</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>شکل خروجی</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>سهم</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
    <message>
        <source>Convention: %1</source>
        <translation>قرارداد: %1</translation>
    </message>
    <message>
        <source>Parameters: %1 (weights %2, bias %3), buffers %4</source>
        <translation>پارامترها: %1 (وزن‌ها %2، بایاس %3)، بافرها %4</translation>
    </message>
    <message>
        <source>Activation memory (%1): %2 summed over all layers, %3 at the peak</source>
        <translation>حافظه فعال‌سازی (%1): %2 مجموع همه لایه‌ها، %3 در اوج</translation>
    </message>
    <message>
        <source>error in layer &apos;%1&apos; (%2): %3</source>
        <translation>خطا در لایه «%1» (%2): %3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>Convention: %1; activations in %2.</source>
        <translation>قرارداد: %1؛ فعال‌سازی‌ها به صورت %2.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Weights (no bias)</source>
        <translation>وزن‌ها (بدون بایاس)</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>وزن‌ها</translation>
    </message>
    <message>
        <source>Activations (elements)</source>
        <translation>فعال‌سازی‌ها (تعداد عناصر)</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>فعال‌سازی‌ها</translation>
    </message>
    <message>
        <source>Activation memory (bytes)</source>
        <translation>حافظه فعال‌سازی (بایت)</translation>
    </message>
    <message>
        <source>activation memory</source>
        <translation>حافظه فعال‌سازی</translation>
    </message>
    <message>
        <source>same %1</source>
        <translation>%1 یکسان</translation>
    </message>
    <message>
        <source>no %1</source>
        <translation>%1 صفر</translation>
    </message>
    <message>
        <source>%1 where there were none</source>
        <translation>%1 (در A صفر)</translation>
    </message>
    <message>
        <source>%1 fewer %2</source>
        <translation>%2‏ %1 کمتر</translation>
    </message>
    <message>
        <source>%1 more %2</source>
        <translation>%2‏ %1 بیشتر</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>کمیت</translation>
    </message>
    <message>
        <source>B relative to A</source>
        <translation>B نسبت به A</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n layer(s) have errors and are not counted</source>
        <translation>
            <numerusform>%1: %n لایه خطا دارد و شمرده نمی‌شود</numerusform>
        </translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>نسبت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <source>Cost table</source>
        <translation>جدول هزینه</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 در برابر %2</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; (%2): FLOPs %3</source>
        <translation>لایه «%1» (%2): FLOPs %3</translation>
    </message>
    <message>
        <source>buffers</source>
        <translation>بافرها</translation>
    </message>
    <message>
        <source>peak activation memory</source>
        <translation>اوج حافظه فعال‌سازی</translation>
    </message>
    <message>
        <source>total %1: %2</source>
        <translation>جمع %1: %2</translation>
    </message>
    <message>
        <source>not compared: a variant has errors</source>
        <translation>مقایسه نشد: یکی از گونه‌ها خطا دارد</translation>
    </message>
    <message>
        <source>not compared: %1</source>
        <translation>مقایسه نشد: %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>Naqsh cannot count its operations</source>
        <translation>«نقش» نمی‌تواند عملیات آن را بشمارد</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) have no numbers and are left out of the totals; the chain breaks at layer &apos;%1&apos;: %2</source>
        <translation>
            <numerusform>%n لایه عدد ندارد و از جمع‌ها کنار گذاشته شده است؛ زنجیره در لایه «%1» می‌گسلد: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>naqsh::RunControls</name>
    <message>
        <source>Measuring on this computer…</source>
        <translation>در حال اندازه‌گیری روی همین رایانه…</translation>
    </message>
    <message>
        <source>Measuring on this computer… %1</source>
        <translation>در حال اندازه‌گیری روی همین رایانه… %1</translation>
    </message>
    <message numerus="yes">
        <source>Measured: %1 ms for the network (median of %2 run(s)), in %3 s</source>
        <translation>
            <numerusform>اندازه‌گیری شد: %1 میلی‌ثانیه برای شبکه (میانهٔ %2 اجرا)، در %3 ثانیه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 layer(s) could not run (see the cost table).</source>
        <translation>
            <numerusform>%1 لایه اجرا نشد (جدول هزینه را ببینید).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;اجرا</translation>
    </message>
    <message>
        <source>&amp;Measure on This Computer…</source>
        <translation>&amp;اندازه‌گیری روی همین رایانه…</translation>
    </message>
    <message>
        <source>Run the network on this CPU with Eigen and time every layer</source>
        <translation>اجرای شبکه روی همین پردازنده با Eigen و زمان‌سنجی همهٔ لایه‌ها</translation>
    </message>
    <message>
        <source>&amp;Cancel Measurement</source>
        <translation>&amp;لغو اندازه‌گیری</translation>
    </message>
    <message>
        <source>C&amp;lear Measurement</source>
        <translation>&amp;پاک کردن اندازه‌گیری</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Stop the measurement (its numbers are not kept)</source>
        <translation>توقف اندازه‌گیری (عددهایش نگه داشته نمی‌شوند)</translation>
    </message>
    <message>
        <source>Measure on This Computer</source>
        <translation>اندازه‌گیری روی همین رایانه</translation>
    </message>
    <message>
        <source>Naqsh runs the network on this CPU with Eigen, on a random input with random weights, and times every layer. It runs in the background: you can keep editing, and an edit of the network stops it.</source>
        <translation>«نقش» شبکه را روی همین پردازنده با Eigen، با ورودی و وزن‌های تصادفی اجرا می‌کند و زمان هر لایه را می‌سنجد. این کار در پس‌زمینه انجام می‌شود: می‌توانید به ویرایش ادامه دهید، و ویرایش شبکه آن را متوقف می‌کند.</translation>
    </message>
    <message>
        <source>One thread gives numbers that compare across computers</source>
        <translation>با یک رشتهٔ پردازشی، عددها میان رایانه‌ها مقایسه‌پذیرند</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;رشته‌های پردازشی:</translation>
    </message>
    <message>
        <source>Timed runs: each layer&apos;s time is the median over them, its spread the interquartile range</source>
        <translation>اجراهای زمان‌سنجی‌شده: زمان هر لایه میانهٔ آن‌هاست و پراکندگی‌اش دامنهٔ میان‌چارکی</translation>
    </message>
    <message>
        <source>Timed &amp;runs:</source>
        <translation>&amp;اجراهای زمان‌سنجی‌شده:</translation>
    </message>
    <message>
        <source>&amp;Warm-up runs:</source>
        <translation>اجراهای &amp;گرم‌کردن:</translation>
    </message>
    <message>
        <source>&amp;Flush the CPU caches before each layer</source>
        <translation>&amp;خالی کردن حافظه‌های نهان پردازنده پیش از هر لایه</translation>
    </message>
    <message>
        <source>Each layer then reads its input and weights from memory, as in a network too large for the caches</source>
        <translation>آن‌گاه هر لایه ورودی و وزن‌هایش را از حافظهٔ اصلی می‌خواند، مانند شبکه‌ای که در حافظهٔ نهان جا نمی‌شود</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>اندازه‌گیری</translation>
    </message>
</context>
<context>
    <name>naqsh::SafeFile</name>
    <message>
        <source>the disk is full (no space left on the device)</source>
        <translation>دیسک پر است (فضایی روی دستگاه نمانده)</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>سهمیه دیسک تمام شده است</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>سامانه فایل فقط‌خواندنی است</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>اجازه دسترسی نیست</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>این کار مجاز نیست</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>چنین فایل یا پوشه‌ای نیست</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>بخشی از مسیر پوشه نیست</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>یک پوشه است</translation>
    </message>
    <message>
        <source>input/output error (the disk may be failing)</source>
        <translation>خطای ورودی/خروجی (شاید دیسک خراب باشد)</translation>
    </message>
    <message>
        <source>the file is too large for the file system</source>
        <translation>فایل برای این سامانه فایل بیش از اندازه بزرگ است</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>نام فایل بیش از اندازه بلند است</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>پیوندهای نمادین بیش از اندازه تودرتو هستند</translation>
    </message>
    <message>
        <source>too many files are open</source>
        <translation>فایل‌های باز بیش از اندازه زیادند</translation>
    </message>
    <message>
        <source>the device or file is busy</source>
        <translation>دستگاه یا فایل مشغول است</translation>
    </message>
    <message>
        <source>the file is in use</source>
        <translation>فایل در حال استفاده است</translation>
    </message>
    <message>
        <source>the file is on another file system</source>
        <translation>فایل روی سامانه فایل دیگری است</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>نمی‌توان در %1 نوشت: %2</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>نام فایلی داده نشده است</translation>
    </message>
</context>
<context>
    <name>naqsh::StatusTotals</name>
    <message>
        <source>Parameters: %1 (weights %2, bias %3)</source>
        <translation>پارامترها: %1 (وزن‌ها %2، بایاس %3)</translation>
    </message>
    <message>
        <source>Buffers (not trained): %1</source>
        <translation>بافرها (آموزش‌ندیده): %1</translation>
    </message>
    <message>
        <source>MACs: %1</source>
        <translation>MACها: %1</translation>
    </message>
    <message>
        <source>FLOPs: %1 (%2)</source>
        <translation>FLOPs: %1 (%2)</translation>
    </message>
    <message>
        <source>Peak activation memory: %1 (largest set of tensors alive at once)</source>
        <translation>اوج حافظه فعال‌سازی: %1 (بزرگ‌ترین مجموعه تانسورهایی که هم‌زمان در حافظه‌اند)</translation>
    </message>
    <message>
        <source>One layer without numbers</source>
        <translation>یک لایه بدون عدد</translation>
    </message>
    <message>
        <source>%1 layers without numbers</source>
        <translation>%1 لایه بدون عدد</translation>
    </message>
    <message>
        <source>Params %1 · MACs %2 · Activation memory (%3) %4 (peak %5)</source>
        <translation>پارامترها %1، MACها %2، حافظه فعال‌سازی (%3) %4 (اوج %5)</translation>
    </message>
    <message>
        <source>Activation memory (%1): %2 (%3 values)</source>
        <translation>حافظه فعال‌سازی (%1): %2 (%3 مقدار)</translation>
    </message>
</context>
<context>
    <name>naqsh::Sweep</name>
    <message>
        <source>choose a layer and a parameter to sweep</source>
        <translation>یک لایه و یک پارامتر برای پیمایش (sweep) انتخاب کنید</translation>
    </message>
    <message>
        <source>the range must go upwards with a step of at least 1</source>
        <translation>بازه باید صعودی و با گام دست‌کم 1 باشد</translation>
    </message>
    <message>
        <source>that range has more than 10,000 points; use a larger step</source>
        <translation>این بازه بیش از 10,000 نقطه دارد؛ گام بزرگ‌تری به کار ببرید</translation>
    </message>
    <message>
        <source>the swept layer no longer exists</source>
        <translation>لایه پیمایش‌شده دیگر وجود ندارد</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no whole-number parameter &quot;%2&quot;</source>
        <translation>لایه «%1» پارامتر عدد صحیحی به نام «%2» ندارد</translation>
    </message>
    <message>
        <source>1×1 output channels</source>
        <translation>کانال‌های خروجی 1×1</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>اندازه ورودی</translation>
    </message>
    <message>
        <source>Input channels</source>
        <translation>کانال‌های ورودی</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>اندازه کرنل</translation>
    </message>
</context>
<context>
    <name>naqsh::Variant</name>
    <message>
        <source>the start or end layer of this path no longer exists</source>
        <translation>لایه آغاز یا پایان این مسیر دیگر وجود ندارد</translation>
    </message>
    <message>
        <source>no path leads from &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>هیچ مسیری از «%1» به «%2» نمی‌رسد</translation>
    </message>
    <message>
        <source>open the other document to compare with it</source>
        <translation>برای مقایسه، سند دیگر را باز کنید</translation>
    </message>
</context>
<context>
    <name>naqsh::VariantResolver</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>نمی‌توان %1 را خواند: %2</translation>
    </message>
</context>
<context>
    <name>naqsh::layers</name>
    <message>
        <source>Output height</source>
        <translation>ارتفاع خروجی</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>پارامترها</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>مقایسه‌ها</translation>
    </message>
    <message>
        <source>Additions</source>
        <translation>جمع‌ها</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>This activation</source>
        <translation>این تابع فعال‌سازی</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>مشترک</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>برای هر کانال</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>توابع فعال‌سازی</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(0, x) per value: one comparison each. No parameters.</source>
        <translation>max(0, x) روی تک‌تک مقدارها: هر کدام یک مقایسه. بدون پارامتر.</translation>
    </message>
    <message>
        <source>ReLU6</source>
        <translation>ReLU6</translation>
    </message>
    <message>
        <source>min(max(0, x), 6) per value, as in MobileNet: two comparisons each.</source>
        <translation>min(max(0, x), 6) روی تک‌تک مقدارها، مانند MobileNet: هر کدام دو مقایسه.</translation>
    </message>
    <message>
        <source>LeakyReLU</source>
        <translation>LeakyReLU</translation>
    </message>
    <message>
        <source>x if x &gt; 0, else slope·x: one comparison and one multiplication per value.</source>
        <translation>اگر x &gt; 0 آنگاه x، وگرنه slope·x: برای هر مقدار یک مقایسه و یک ضرب.</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>شیب منفی</translation>
    </message>
    <message>
        <source>Factor applied to negative values</source>
        <translation>ضریبی که در مقدارهای منفی ضرب می‌شود</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>x if x &gt; 0, else a·x with a learned slope a per channel (or one shared slope): C trainable parameters, one comparison and one multiplication per value.</source>
        <translation>اگر x &gt; 0 آنگاه x، وگرنه a·x که شیب a برای هر کانال یاد گرفته می‌شود (یا یک شیب مشترک): C پارامتر آموزش‌پذیر، و برای هر مقدار یک مقایسه و یک ضرب.</translation>
    </message>
    <message>
        <source>Shared slope</source>
        <translation>شیب مشترک</translation>
    </message>
    <message>
        <source>Learn one slope for all channels instead of one per channel</source>
        <translation>یادگیری یک شیب برای همه کانال‌ها به‌جای یک شیب برای هر کانال</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>1 / (1 + e^−x): one exponential, one addition and one division per value.</source>
        <translation>1 / (1 + e^−x): برای هر مقدار یک تابع نمایی، یک جمع و یک تقسیم.</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Hyperbolic tangent: counted as one transcendental function (exp) per value.</source>
        <translation>تانژانت هذلولوی: برای هر مقدار یک تابع متعالی (exp) شمرده می‌شود.</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>dilated kernel %1 (kernel %2, dilation %3) is larger than the padded input %4 (%5)</source>
        <translation>کرنل متسع %1 (کرنل %2، اتساع %3) از ورودیِ پدینگ‌شده %4 بزرگ‌تر است (%5)</translation>
    </message>
    <message>
        <source>kernel %1 is larger than the padded input %2 (%3)</source>
        <translation>کرنل %1 از ورودیِ پدینگ‌شده %2 بزرگ‌تر است (%3)</translation>
    </message>
    <message>
        <source>%1 input channels are not divisible by groups %2</source>
        <translation>تعداد کانال‌های ورودی (%1) بر تعداد گروه‌ها (%2) بخش‌پذیر نیست</translation>
    </message>
    <message>
        <source>%1 output channels are not divisible by groups %2</source>
        <translation>تعداد کانال‌های خروجی (%1) بر تعداد گروه‌ها (%2) بخش‌پذیر نیست</translation>
    </message>
    <message>
        <source>Conv2d</source>
        <translation>Conv2d</translation>
    </message>
    <message>
        <source>Output width</source>
        <translation>عرض خروجی</translation>
    </message>
    <message>
        <source>input plus padding, minus the dilated kernel extent, divided by the stride, plus one</source>
        <translation>ورودی به‌اضافه پدینگ، منهای گستره کرنل متسع، تقسیم بر گام، به‌اضافه یک</translation>
    </message>
    <message>
        <source>input plus padding, minus the kernel, divided by the stride, plus one</source>
        <translation>ورودی به‌اضافه پدینگ، منهای کرنل، تقسیم بر گام، به‌اضافه یک</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACها</translation>
    </message>
    <message>
        <source>each output value needs %1·%2·%3 multiplications: with %4 groups each filter sees only %3 of the %5 input channels</source>
        <translation>هر مقدار خروجی به %1×%2×%3 ضرب نیاز دارد: با %4 گروه، هر فیلتر فقط %3 کانال از %5 کانال ورودی را می‌بیند</translation>
    </message>
    <message>
        <source>each output value needs %1·%2·%3 multiplications</source>
        <translation>هر مقدار خروجی به %1×%2×%3 ضرب نیاز دارد</translation>
    </message>
    <message>
        <source>one %1×%2×%3 filter per output channel, plus %4 bias values</source>
        <translation>برای هر کانال خروجی یک فیلتر %1×%2×%3، به‌اضافه %4 مقدار بایاس</translation>
    </message>
    <message>
        <source>one %1×%2×%3 filter per output channel, no bias</source>
        <translation>برای هر کانال خروجی یک فیلتر %1×%2×%3، بدون بایاس</translation>
    </message>
    <message>
        <source>output padding %1 must be smaller than the stride %2 or the dilation %3 (%4)</source>
        <translation>پدینگ خروجی %1 باید از گام %2 یا از اتساع %3 کوچک‌تر باشد (%4)</translation>
    </message>
    <message>
        <source>padding %1 removes the whole output (%2 would be %3)</source>
        <translation>پدینگ %1 کل خروجی را حذف می‌کند (%2 برابر %3 می‌شد)</translation>
    </message>
    <message>
        <source>ConvTranspose2d</source>
        <translation>ConvTranspose2d</translation>
    </message>
    <message>
        <source>a transposed convolution runs the convolution&apos;s size rule backwards</source>
        <translation>کانولوشن ترانهاده قاعده اندازه کانولوشن را برعکس اجرا می‌کند</translation>
    </message>
    <message>
        <source>counted on the INPUT grid: each input value is spread by a %1×%2 kernel into %3 output channels</source>
        <translation>بر اساس ابعاد ورودی شمرده می‌شود: هر مقدار ورودی با یک کرنل %1×%2 در %3 کانال خروجی پخش می‌شود</translation>
    </message>
    <message>
        <source>one %1×%2 kernel per input and output channel pair, plus %3 bias values</source>
        <translation>برای هر جفت کانال ورودی و خروجی یک کرنل %1×%2، به‌اضافه %3 مقدار بایاس</translation>
    </message>
    <message>
        <source>one %1×%2 kernel per input and output channel pair, no bias</source>
        <translation>برای هر جفت کانال ورودی و خروجی یک کرنل %1×%2، بدون بایاس</translation>
    </message>
    <message>
        <source>Conv</source>
        <translation>Conv</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>کانولوشن</translation>
    </message>
    <message>
        <source>2-D convolution: slides out_channels filters of size kernel × (input channels / groups) over the feature map. A 1×1 convolution mixes channels only and is the cheap way to reduce them before a large kernel. groups = input channels makes it depthwise.</source>
        <translation>کانولوشن دوبعدی: به تعداد out_channels فیلتر به اندازه کرنل × (کانال‌های ورودی / گروه‌ها) را روی نقشه ویژگی می‌لغزاند. کانولوشن ۱×۱ فقط کانال‌ها را با هم ترکیب می‌کند و راه کم‌هزینه کاهش کانال‌ها پیش از یک کرنل بزرگ است. اگر groups برابر تعداد کانال‌های ورودی باشد، کانولوشن عمقی (depthwise) می‌شود.</translation>
    </message>
    <message>
        <source>Filters (output channels)</source>
        <translation>فیلترها (کانال‌های خروجی)</translation>
    </message>
    <message>
        <source>Number of filters, which is the number of output channels</source>
        <translation>تعداد فیلترها، که همان تعداد کانال‌های خروجی است</translation>
    </message>
    <message>
        <source>Kernel height</source>
        <translation>ارتفاع کرنل</translation>
    </message>
    <message>
        <source>Height of each filter</source>
        <translation>ارتفاع هر فیلتر</translation>
    </message>
    <message>
        <source>Kernel width</source>
        <translation>عرض کرنل</translation>
    </message>
    <message>
        <source>Width of each filter</source>
        <translation>عرض هر فیلتر</translation>
    </message>
    <message>
        <source>Stride height</source>
        <translation>گام عمودی</translation>
    </message>
    <message>
        <source>Step between filter positions, vertically</source>
        <translation>فاصله بین جایگاه‌های پیاپی فیلتر، در راستای عمودی</translation>
    </message>
    <message>
        <source>Stride width</source>
        <translation>گام افقی</translation>
    </message>
    <message>
        <source>Step between filter positions, horizontally</source>
        <translation>فاصله بین جایگاه‌های پیاپی فیلتر، در راستای افقی</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>پدینگ</translation>
    </message>
    <message>
        <source>explicit: the four values below; same: pad so that output = ceil(input / stride); valid: no padding</source>
        <translation>صریح: چهار مقدار زیر؛ same: پدینگ به‌اندازه‌ای که خروجی = ceil(ورودی / گام) شود؛ valid: بدون پدینگ</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>صریح</translation>
    </message>
    <message>
        <source>same</source>
        <translation>same (هم‌اندازه)</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid (بدون پدینگ)</translation>
    </message>
    <message>
        <source>Padding top</source>
        <translation>پدینگ بالا</translation>
    </message>
    <message>
        <source>Zero rows added above</source>
        <translation>سطرهای صفر که به بالا افزوده می‌شوند</translation>
    </message>
    <message>
        <source>Padding bottom</source>
        <translation>پدینگ پایین</translation>
    </message>
    <message>
        <source>Zero rows added below</source>
        <translation>سطرهای صفر که به پایین افزوده می‌شوند</translation>
    </message>
    <message>
        <source>Padding left</source>
        <translation>پدینگ چپ</translation>
    </message>
    <message>
        <source>Zero columns added on the left</source>
        <translation>ستون‌های صفر که به سمت چپ افزوده می‌شوند</translation>
    </message>
    <message>
        <source>Padding right</source>
        <translation>پدینگ راست</translation>
    </message>
    <message>
        <source>Zero columns added on the right</source>
        <translation>ستون‌های صفر که به سمت راست افزوده می‌شوند</translation>
    </message>
    <message>
        <source>Dilation height</source>
        <translation>اتساع عمودی</translation>
    </message>
    <message>
        <source>Spacing between kernel taps, vertically (1 = dense)</source>
        <translation>فاصله بین درایه‌های کرنل، در راستای عمودی (1 = بدون فاصله)</translation>
    </message>
    <message>
        <source>Dilation width</source>
        <translation>اتساع افقی</translation>
    </message>
    <message>
        <source>Spacing between kernel taps, horizontally (1 = dense)</source>
        <translation>فاصله بین درایه‌های کرنل، در راستای افقی (1 = بدون فاصله)</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>گروه‌ها</translation>
    </message>
    <message>
        <source>Split channels into independent groups; groups = input channels is a depthwise convolution</source>
        <translation>کانال‌ها را به گروه‌های مستقل تقسیم می‌کند؛ اگر گروه‌ها برابر کانال‌های ورودی باشد، کانولوشن عمقی (depthwise) است</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>بایاس</translation>
    </message>
    <message>
        <source>Add a learned bias per output channel</source>
        <translation>افزودن یک بایاس یادگرفتنی برای هر کانال خروجی</translation>
    </message>
    <message>
        <source>ConvT</source>
        <translation>ConvT</translation>
    </message>
    <message>
        <source>Transposed convolution (sometimes called deconvolution): upsamples by running a convolution backwards. Output = (input − 1) × stride − 2 × padding + dilation × (kernel − 1) + output padding + 1. Its MACs are counted on the input grid.</source>
        <translation>کانولوشن ترانهاده (که گاهی دکانولوشن نامیده می‌شود): با اجرای معکوس کانولوشن، فرانمونه‌برداری (upsampling) می‌کند. خروجی = (ورودی − 1) × گام − 2 × پدینگ + اتساع × (کرنل − 1) + پدینگ خروجی + 1. MACهای آن بر اساس ابعاد ورودی شمرده می‌شوند.</translation>
    </message>
    <message>
        <source>Number of output channels</source>
        <translation>تعداد کانال‌های خروجی</translation>
    </message>
    <message>
        <source>Upsampling step, vertically</source>
        <translation>گام فرانمونه‌برداری، در راستای عمودی</translation>
    </message>
    <message>
        <source>Upsampling step, horizontally</source>
        <translation>گام فرانمونه‌برداری، در راستای افقی</translation>
    </message>
    <message>
        <source>Padding height</source>
        <translation>پدینگ عمودی</translation>
    </message>
    <message>
        <source>Rows removed from each of top and bottom of the output</source>
        <translation>سطرهایی که از هر یک از بالا و پایین خروجی حذف می‌شوند</translation>
    </message>
    <message>
        <source>Padding width</source>
        <translation>پدینگ افقی</translation>
    </message>
    <message>
        <source>Columns removed from each of left and right of the output</source>
        <translation>ستون‌هایی که از هر یک از چپ و راست خروجی حذف می‌شوند</translation>
    </message>
    <message>
        <source>Output padding height</source>
        <translation>پدینگ خروجی عمودی</translation>
    </message>
    <message>
        <source>Extra rows added at the bottom; must be smaller than the stride or the dilation</source>
        <translation>سطرهای اضافه در پایین؛ باید از گام یا از اتساع کوچک‌تر باشد</translation>
    </message>
    <message>
        <source>Output padding width</source>
        <translation>پدینگ خروجی افقی</translation>
    </message>
    <message>
        <source>Extra columns added on the right; must be smaller than the stride or the dilation</source>
        <translation>ستون‌های اضافه در سمت راست؛ باید از گام یا از اتساع کوچک‌تر باشد</translation>
    </message>
    <message>
        <source>Split channels into independent groups</source>
        <translation>کانال‌ها را به گروه‌های مستقل تقسیم می‌کند</translation>
    </message>
    <message>
        <source>This operator</source>
        <translation>این عملگر</translation>
    </message>
    <message>
        <source>the output shape of this imported %1 operator is unknown: the file does not give it and Naqsh does not model the operator; set it under Output shape</source>
        <translation>شکل خروجی این عملگر واردشده %1 نامعلوم است: فایل آن را نمی‌گوید و «نقش» این عملگر را مدل نمی‌کند؛ آن را در «شکل خروجی» تعیین کنید</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Naqsh does not model %1, so its operations are not counted in any total</source>
        <translation>«نقش» %1 را مدل نمی‌کند، بنابراین عملیات آن در هیچ جمع کلی شمرده نمی‌شود</translation>
    </message>
    <message>
        <source>the elements of the constant tensors (weights) it reads in the file</source>
        <translation>عناصر تانسورهای ثابت (وزن‌ها) که از فایل می‌خواند</translation>
    </message>
    <message>
        <source>Imported operator</source>
        <translation>عملگر واردشده</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>واردشده</translation>
    </message>
    <message>
        <source>An operator from an imported model that Naqsh does not model yet. Its output shape comes from the file (or equals its input for element-wise operators) and its parameters from the file&apos;s weights; its operations are unknown and left out of every total.</source>
        <translation>عملگری از یک مدل واردشده که «نقش» هنوز آن را مدل نمی‌کند. شکل خروجی آن از فایل می‌آید (یا برای عملگرهای عنصربه‌عنصر برابر ورودی آن است) و پارامترهایش از وزن‌های فایل؛ عملیات آن نامعلوم است و در هیچ جمع کلی آورده نمی‌شود.</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>عملگر</translation>
    </message>
    <message>
        <source>The operator&apos;s name in the imported file</source>
        <translation>نام عملگر در فایل واردشده</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>شکل خروجی</translation>
    </message>
    <message>
        <source>same as input: element-wise; given: the rank and sizes below; unknown: the file does not say</source>
        <translation>مانند ورودی: عنصربه‌عنصر؛ معین: مرتبه و اندازه‌های زیر؛ نامعلوم: فایل آن را نمی‌گوید</translation>
    </message>
    <message>
        <source>same as input</source>
        <translation>مانند ورودی</translation>
    </message>
    <message>
        <source>given</source>
        <translation>معین</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>مرتبه (تعداد ابعاد)</translation>
    </message>
    <message>
        <source>Number of dimensions of the output, batch included</source>
        <translation>تعداد ابعاد خروجی، با احتساب بعد دسته</translation>
    </message>
    <message>
        <source>Size 1 (batch)</source>
        <translation>اندازه 1 (دسته)</translation>
    </message>
    <message>
        <source>First dimension of the output: the batch</source>
        <translation>بعد اول خروجی: دسته</translation>
    </message>
    <message>
        <source>Size 2</source>
        <translation>اندازه 2</translation>
    </message>
    <message>
        <source>Second dimension of the output</source>
        <translation>بعد دوم خروجی</translation>
    </message>
    <message>
        <source>Size 3</source>
        <translation>اندازه 3</translation>
    </message>
    <message>
        <source>Third dimension of the output</source>
        <translation>بعد سوم خروجی</translation>
    </message>
    <message>
        <source>Size 4</source>
        <translation>اندازه 4</translation>
    </message>
    <message>
        <source>Fourth dimension of the output</source>
        <translation>بعد چهارم خروجی</translation>
    </message>
    <message>
        <source>Batch follows input</source>
        <translation>دسته از ورودی پیروی کند</translation>
    </message>
    <message>
        <source>Take the first size from the input&apos;s batch, so that changing the batch changes this output too</source>
        <translation>اندازه اول از دسته ورودی گرفته شود تا تغییر دسته این خروجی را هم تغییر دهد</translation>
    </message>
    <message>
        <source>Parameters (from the file)</source>
        <translation>پارامترها (از فایل)</translation>
    </message>
    <message>
        <source>Elements of the constant tensors the operator reads</source>
        <translation>عناصر تانسورهای ثابتی که عملگر می‌خواند</translation>
    </message>
    <message>
        <source>This layer</source>
        <translation>این لایه</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>فعال‌سازی‌ها</translation>
    </message>
    <message>
        <source>the input tensor is held in memory like any activation; it has no parameters</source>
        <translation>تانسور ورودی مانند هر فعال‌سازی دیگری در حافظه نگه داشته می‌شود؛ پارامتری ندارد</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>ورودی</translation>
    </message>
    <message>
        <source>Input and output</source>
        <translation>ورودی و خروجی</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>چیدمان</translation>
    </message>
    <message>
        <source>image (N×C×H×W)</source>
        <translation>تصویر (N×C×H×W)</translation>
    </message>
    <message>
        <source>features (N×F)</source>
        <translation>ویژگی‌ها (N×F)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>اندازه دسته</translation>
    </message>
    <message>
        <source>Samples per batch; MACs and activations grow with it, parameters do not</source>
        <translation>تعداد نمونه‌ها در هر دسته؛ MACها و فعال‌سازی‌ها با آن بزرگ می‌شوند، پارامترها نه</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <source>Channels of the input image (3 for RGB)</source>
        <translation>کانال‌های تصویر ورودی (3 برای RGB)</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>ارتفاع</translation>
    </message>
    <message>
        <source>Height in pixels</source>
        <translation>ارتفاع بر حسب پیکسل</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>عرض بر حسب پیکسل</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>ویژگی‌ها</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>Marks a result of the network. It holds no new tensor and costs nothing.</source>
        <translation>یک نتیجه شبکه را مشخص می‌کند. تانسور جدیدی نگه نمی‌دارد و هزینه‌ای ندارد.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Shape and utility</source>
        <translation>شکل و ابزار</translation>
    </message>
    <message>
        <source>Passes its input through unchanged, e.g. the shortcut branch of a residual block. No parameters, no operations.</source>
        <translation>ورودی را بدون تغییر عبور می‌دهد، مثلاً شاخه میان‌بر (shortcut) یک بلوک باقی‌مانده. بدون پارامتر و بدون عملیات.</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>%1 باید عدد صحیح باشد</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3, not %4</source>
        <translation>%1 باید بین %2 و %3 باشد، نه %4</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>%1 باید عدد باشد</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 باید true یا false باشد</translation>
    </message>
    <message>
        <source>%1 must be one of %2, not &quot;%3&quot;</source>
        <translation>%1 باید یکی از %2 باشد، نه «%3»</translation>
    </message>
    <message>
        <source>%1 must be one of %2</source>
        <translation>%1 باید یکی از %2 باشد</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>%1 باید متن باشد</translation>
    </message>
    <message>
        <source>%1 must be at most %2 characters long</source>
        <translation>%1 باید حداکثر %2 نویسه باشد</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>each of the %1 outputs is a weighted sum of all %2 inputs</source>
        <translation>هر یک از %1 خروجی، مجموع وزن‌دار همه %2 ورودی است</translation>
    </message>
    <message>
        <source>one weight per input and output pair, plus %1 bias values</source>
        <translation>یک وزن برای هر جفت ورودی و خروجی، به‌اضافه %1 مقدار بایاس</translation>
    </message>
    <message>
        <source>one weight per input and output pair, no bias</source>
        <translation>یک وزن برای هر جفت ورودی و خروجی، بدون بایاس</translation>
    </message>
    <message>
        <source>Output features</source>
        <translation>ویژگی‌های خروجی</translation>
    </message>
    <message>
        <source>Number of outputs (neurons)</source>
        <translation>تعداد خروجی‌ها (نورون‌ها)</translation>
    </message>
    <message>
        <source>Add a learned bias per output</source>
        <translation>افزودن یک بایاس یادگرفتنی برای هر خروجی</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>دسته</translation>
    </message>
    <message>
        <source>features</source>
        <translation>ویژگی‌ها</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <source>height</source>
        <translation>ارتفاع</translation>
    </message>
    <message>
        <source>width</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>%1 has no inputs: connect at least one layer to it</source>
        <translation>%1 ورودی ندارد: دست‌کم یک لایه به آن وصل کنید</translation>
    </message>
    <message>
        <source>%1 input %2 has no shape</source>
        <translation>ورودی %2 از %1 شکل ندارد</translation>
    </message>
    <message>
        <source>%1 inputs have different ranks: %2 vs %3</source>
        <translation>ورودی‌های %1 تعداد ابعاد متفاوتی دارند: %2 در برابر %3</translation>
    </message>
    <message>
        <source>Concat</source>
        <translation>Concat</translation>
    </message>
    <message>
        <source>Concat inputs differ in %1: %2 vs %3 (input 1 is %4, input %5 is %6)</source>
        <translation>ورودی‌های Concat در %1 با هم فرق دارند: %2 در برابر %3 (ورودی 1 برابر %4 است و ورودی %5 برابر %6)</translation>
    </message>
    <message>
        <source>Concat output is too large</source>
        <translation>خروجی Concat بیش از حد بزرگ است</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add inputs cannot be broadcast in %1: %2 vs %3 (input 1 is %4, input %5 is %6); each dimension must be equal, or 1 in one of them</source>
        <translation>ورودی‌های Add در %1 قابل پخش (broadcast) نیستند: %2 در برابر %3 (ورودی 1 برابر %4 است و ورودی %5 برابر %6)؛ هر بعد باید برابر باشد، یا در یکی از آن‌ها 1 باشد</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>کانال‌های خروجی</translation>
    </message>
    <message>
        <source>copying tensors side by side does no arithmetic</source>
        <translation>کپی‌کردن تانسورها در کنار هم هیچ محاسبه‌ای ندارد</translation>
    </message>
    <message>
        <source>adding k tensors takes k − 1 additions per output value</source>
        <translation>جمع k تانسور برای هر مقدار خروجی k − 1 جمع لازم دارد</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>ترکیب شاخه‌ها</translation>
    </message>
    <message>
        <source>Element-wise sum of its inputs, as in a residual connection. Broadcasting rule (NumPy&apos;s): inputs must have the same rank; in each dimension the sizes must be equal, or one of them must be 1, which is stretched to the other. k inputs cost k − 1 additions per output value.</source>
        <translation>جمع عنصربه‌عنصر ورودی‌ها، مانند اتصال باقی‌مانده (residual). قاعده پخش (broadcasting، مانند NumPy): ورودی‌ها باید تعداد ابعاد یکسانی داشته باشند؛ در هر بعد اندازه‌ها باید برابر باشند یا یکی از آن‌ها 1 باشد که تا اندازه دیگری کشیده می‌شود. k ورودی برای هر مقدار خروجی k − 1 جمع هزینه دارد.</translation>
    </message>
    <message>
        <source>BatchNorm2d</source>
        <translation>BatchNorm2d</translation>
    </message>
    <message>
        <source>a learned scale and shift per channel</source>
        <translation>یک ضریب مقیاس و یک جابه‌جایی یادگرفتنی برای هر کانال</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>بافرها</translation>
    </message>
    <message>
        <source>running mean and variance per channel: stored, but not trained</source>
        <translation>میانگین و واریانس متحرک برای هر کانال: ذخیره می‌شوند اما آموزش نمی‌بینند</translation>
    </message>
    <message>
        <source>at inference it folds into one multiplication and one addition per value</source>
        <translation>در زمان استنتاج به یک ضرب و یک جمع برای هر مقدار خلاصه می‌شود</translation>
    </message>
    <message>
        <source>LRN</source>
        <translation>LRN</translation>
    </message>
    <message>
        <source>BN</source>
        <translation>BN</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>نرمال‌سازی</translation>
    </message>
    <message>
        <source>Batch normalisation per channel: 2·C trainable parameters (scale and shift) and 2·C buffers (running mean and variance).</source>
        <translation>نرمال‌سازی دسته‌ای برای هر کانال: 2×C پارامتر آموزش‌پذیر (مقیاس و جابه‌جایی) و 2×C بافر (میانگین و واریانس متحرک).</translation>
    </message>
    <message>
        <source>Learned scale and shift</source>
        <translation>مقیاس و جابه‌جایی یادگرفتنی</translation>
    </message>
    <message>
        <source>Learn a scale and a shift per channel</source>
        <translation>یادگیری یک ضریب مقیاس و یک جابه‌جایی برای هر کانال</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>اپسیلون</translation>
    </message>
    <message>
        <source>Added to the variance for numerical stability</source>
        <translation>برای پایداری عددی به واریانس افزوده می‌شود</translation>
    </message>
    <message>
        <source>Local response normalisation across neighbouring channels, as in AlexNet and GoogLeNet: x / (k + alpha/size · Σ x²)^beta over size channels.</source>
        <translation>نرمال‌سازی پاسخ محلی (LRN) روی کانال‌های همسایه، مانند AlexNet و GoogLeNet: x / (k + alpha/size · Σ x²)^beta روی size کانال.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Number of neighbouring channels summed</source>
        <translation>تعداد کانال‌های همسایه که جمع زده می‌شوند</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>آلفا</translation>
    </message>
    <message>
        <source>Scale of the sum of squares</source>
        <translation>ضریب مقیاس مجموع مربعات</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>بتا</translation>
    </message>
    <message>
        <source>Exponent</source>
        <translation>توان</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Additive constant</source>
        <translation>ثابت جمعی</translation>
    </message>
    <message>
        <source>padding %1 is more than half the kernel %2 (%3)</source>
        <translation>پدینگ %1 از نصف کرنل %2 بیشتر است (%3)</translation>
    </message>
    <message>
        <source>MaxPool2d</source>
        <translation>MaxPool2d</translation>
    </message>
    <message>
        <source>AvgPool2d</source>
        <translation>AvgPool2d</translation>
    </message>
    <message>
        <source>ceil mode rounds up, as Caffe does, so a partial last window still counts</source>
        <translation>حالت ceil مانند Caffe به بالا گرد می‌کند، پس آخرین پنجره ناقص هم شمرده می‌شود</translation>
    </message>
    <message>
        <source>floor rounding drops a partial last window</source>
        <translation>گرد کردن به پایین (floor) آخرین پنجره ناقص را کنار می‌گذارد</translation>
    </message>
    <message>
        <source>finding the largest of %1 values takes %1 − 1 comparisons</source>
        <translation>یافتن بیشینه %1 مقدار به %1 − 1 مقایسه نیاز دارد</translation>
    </message>
    <message>
        <source>summing %1 values takes %1 − 1 additions, then one division per output</source>
        <translation>جمع %1 مقدار به %1 − 1 جمع نیاز دارد و سپس برای هر خروجی یک تقسیم</translation>
    </message>
    <message>
        <source>pooling has nothing to learn</source>
        <translation>لایه ادغام چیزی برای یادگیری ندارد</translation>
    </message>
    <message>
        <source>GlobalAvgPool</source>
        <translation>GlobalAvgPool</translation>
    </message>
    <message>
        <source>each channel is averaged over its whole %1×%2 map</source>
        <translation>از هر کانال روی کل نقشه %1×%2 آن میانگین گرفته می‌شود</translation>
    </message>
    <message>
        <source>summing %1 values takes one addition fewer than there are values</source>
        <translation>جمع %1 مقدار، یک جمع کمتر از تعداد مقدارها لازم دارد</translation>
    </message>
    <message>
        <source>AdaptiveAvgPool2d</source>
        <translation>AdaptiveAvgPool2d</translation>
    </message>
    <message>
        <source>Height of the pooling window</source>
        <translation>ارتفاع پنجره ادغام</translation>
    </message>
    <message>
        <source>Width of the pooling window</source>
        <translation>عرض پنجره ادغام</translation>
    </message>
    <message>
        <source>Step between windows, vertically</source>
        <translation>فاصله بین پنجره‌ها، در راستای عمودی</translation>
    </message>
    <message>
        <source>Step between windows, horizontally</source>
        <translation>فاصله بین پنجره‌ها، در راستای افقی</translation>
    </message>
    <message>
        <source>Rows of padding on top and bottom (at most half the kernel)</source>
        <translation>سطرهای پدینگ در بالا و پایین (حداکثر نصف کرنل)</translation>
    </message>
    <message>
        <source>Columns of padding on left and right (at most half the kernel)</source>
        <translation>ستون‌های پدینگ در چپ و راست (حداکثر نصف کرنل)</translation>
    </message>
    <message>
        <source>Ceil mode</source>
        <translation>حالت ceil</translation>
    </message>
    <message>
        <source>Round the output size up, as Caffe does, instead of down</source>
        <translation>اندازه خروجی مانند Caffe به بالا گرد شود، نه به پایین</translation>
    </message>
    <message>
        <source>MaxPool</source>
        <translation>MaxPool</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>ادغام (Pooling)</translation>
    </message>
    <message>
        <source>Max pooling: keeps the largest value of each window. Shrinks the feature map, keeps the channels, has no parameters.</source>
        <translation>ادغام بیشینه: بزرگ‌ترین مقدار هر پنجره را نگه می‌دارد. نقشه ویژگی را کوچک می‌کند، کانال‌ها را حفظ می‌کند و پارامتری ندارد.</translation>
    </message>
    <message>
        <source>AvgPool</source>
        <translation>AvgPool</translation>
    </message>
    <message>
        <source>Average pooling: the mean of each window. Counted as (window − 1) additions and one division per output.</source>
        <translation>ادغام میانگین: میانگین هر پنجره. برای هر خروجی (پنجره − 1) جمع و یک تقسیم شمرده می‌شود.</translation>
    </message>
    <message>
        <source>GAP</source>
        <translation>GAP</translation>
    </message>
    <message>
        <source>Global average pooling: averages each channel over the whole map, giving N×C×1×1. Replaces large fully connected heads.</source>
        <translation>ادغام میانگین سراسری: از هر کانال روی کل نقشه میانگین می‌گیرد و N×C×1×1 می‌دهد. جایگزین لایه‌های تمام‌متصل بزرگ انتهای شبکه می‌شود.</translation>
    </message>
    <message>
        <source>AdaptiveAvg</source>
        <translation>AdaptiveAvg</translation>
    </message>
    <message>
        <source>Adaptive average pooling: averages windows chosen so that the output has the requested size, whatever the input size.</source>
        <translation>ادغام میانگین تطبیقی: از پنجره‌هایی میانگین می‌گیرد که طوری انتخاب شده‌اند که خروجی، با هر اندازه ورودی، اندازه خواسته‌شده را داشته باشد.</translation>
    </message>
    <message>
        <source>Height of the output map</source>
        <translation>ارتفاع نقشه خروجی</translation>
    </message>
    <message>
        <source>Width of the output map</source>
        <translation>عرض نقشه خروجی</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>the flattened size overflows</source>
        <translation>اندازه تخت‌شده سرریز می‌کند</translation>
    </message>
    <message>
        <source>Upsample</source>
        <translation>Upsample</translation>
    </message>
    <message>
        <source>ZeroPad2d</source>
        <translation>ZeroPad2d</translation>
    </message>
    <message>
        <source>During training, zeroes each value with probability p. At inference it does nothing, so it costs nothing here.</source>
        <translation>در زمان آموزش، هر مقدار را با احتمال p صفر می‌کند. در زمان استنتاج کاری نمی‌کند، پس این‌جا هزینه‌ای ندارد.</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>احتمال</translation>
    </message>
    <message>
        <source>Probability of dropping a value during training</source>
        <translation>احتمال حذف یک مقدار در زمان آموزش</translation>
    </message>
    <message>
        <source>Enlarges the feature map by a scale factor: output = floor(input × scale). Nearest copies values (no arithmetic); bilinear mixes the four nearest inputs (4 multiplications and 3 additions per output).</source>
        <translation>نقشه ویژگی را با یک ضریب مقیاس بزرگ می‌کند: خروجی = floor(ورودی × مقیاس). nearest مقدارها را کپی می‌کند (بدون محاسبه)؛ bilinear چهار ورودی نزدیک‌تر را ترکیب می‌کند (برای هر خروجی 4 ضرب و 3 جمع).</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>حالت</translation>
    </message>
    <message>
        <source>How new values are made</source>
        <translation>روش ساختن مقدارهای جدید</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>nearest (نزدیک‌ترین همسایه)</translation>
    </message>
    <message>
        <source>bilinear</source>
        <translation>bilinear (دوخطی)</translation>
    </message>
    <message>
        <source>Scale height</source>
        <translation>مقیاس ارتفاع</translation>
    </message>
    <message>
        <source>Factor applied to the height</source>
        <translation>ضریبی که در ارتفاع ضرب می‌شود</translation>
    </message>
    <message>
        <source>Scale width</source>
        <translation>مقیاس عرض</translation>
    </message>
    <message>
        <source>Factor applied to the width</source>
        <translation>ضریبی که در عرض ضرب می‌شود</translation>
    </message>
    <message>
        <source>ZeroPad</source>
        <translation>ZeroPad</translation>
    </message>
    <message>
        <source>Adds rows and columns of zeros around the feature map.</source>
        <translation>سطرها و ستون‌هایی از صفر دور نقشه ویژگی می‌افزاید.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>چپ</translation>
    </message>
    <message>
        <source>Zero columns on the left</source>
        <translation>ستون‌های صفر در سمت چپ</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>راست</translation>
    </message>
    <message>
        <source>Zero columns on the right</source>
        <translation>ستون‌های صفر در سمت راست</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>بالا</translation>
    </message>
    <message>
        <source>Zero rows on top</source>
        <translation>سطرهای صفر در بالا</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>پایین</translation>
    </message>
    <message>
        <source>Zero rows at the bottom</source>
        <translation>سطرهای صفر در پایین</translation>
    </message>
    <message>
        <source>%1 has no input: connect a layer to it</source>
        <translation>ورودی %1 وصل نیست: یک لایه به آن وصل کنید</translation>
    </message>
    <message>
        <source>%1 needs a 4-D input N×C×H×W, but its input is %2</source>
        <translation>%1 به ورودی چهاربعدی N×C×H×W نیاز دارد، اما ورودی آن %2 است</translation>
    </message>
    <message>
        <source>the output would have size %1 in dimension %2: it must be at least 1</source>
        <translation>خروجی در بعد %2 اندازه %1 پیدا می‌کرد: این اندازه باید دست‌کم 1 باشد</translation>
    </message>
    <message>
        <source>the output would have size %1 in dimension %2, which is too large</source>
        <translation>خروجی در بعد %2 اندازه %1 پیدا می‌کرد که بیش از حد بزرگ است</translation>
    </message>
    <message>
        <source>Size 5</source>
        <translation>اندازه 5</translation>
    </message>
    <message>
        <source>Fifth dimension of the output</source>
        <translation>بعد پنجم خروجی</translation>
    </message>
    <message>
        <source>Size 6</source>
        <translation>اندازه 6</translation>
    </message>
    <message>
        <source>Sixth dimension of the output</source>
        <translation>بعد ششم خروجی</translation>
    </message>
    <message>
        <source>Size 7</source>
        <translation>اندازه 7</translation>
    </message>
    <message>
        <source>Seventh dimension of the output</source>
        <translation>بعد هفتم خروجی</translation>
    </message>
    <message>
        <source>Size 8</source>
        <translation>اندازه 8</translation>
    </message>
    <message>
        <source>Eighth dimension of the output</source>
        <translation>بعد هشتم خروجی</translation>
    </message>
    <message>
        <source>The data entering the network: an image batch N×C×H×W (batch, channels, height, width), a feature batch N×F, a batch of token sequences N×L×D (length, features per token), a batch of 1-D signals N×C×L or of volumes N×C×D×H×W.</source>
        <translation>داده‌ای که وارد شبکه می‌شود: دسته‌ای از تصویرها N×C×H×W (دسته، کانال، ارتفاع، عرض)، دسته‌ای از بردارهای ویژگی N×F، دسته‌ای از دنباله‌های توکن N×L×D (طول، ویژگی هر توکن)، دسته‌ای از سیگنال‌های یک‌بعدی N×C×L یا از حجم‌ها N×C×D×H×W.</translation>
    </message>
    <message>
        <source>image: N×C×H×W; features: N×F; sequence: N×L×D; signal: N×C×L; volume: N×C×D×H×W</source>
        <translation>تصویر: N×C×H×W؛ ویژگی: N×F؛ دنباله: N×L×D؛ سیگنال: N×C×L؛ حجم: N×C×D×H×W</translation>
    </message>
    <message>
        <source>sequence (N×L×D)</source>
        <translation>دنباله (N×L×D)</translation>
    </message>
    <message>
        <source>signal (N×C×L)</source>
        <translation>سیگنال (N×C×L)</translation>
    </message>
    <message>
        <source>volume (N×C×D×H×W)</source>
        <translation>حجم (N×C×D×H×W)</translation>
    </message>
    <message>
        <source>Length of each feature vector (features layout), or of each token&apos;s vector D (sequence layout)</source>
        <translation>طول هر بردار ویژگی (چیدمان ویژگی)، یا طول بردار هر توکن D (چیدمان دنباله)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>طول</translation>
    </message>
    <message>
        <source>Tokens per sequence L (sequence layout) or samples per signal (signal layout)</source>
        <translation>تعداد توکن‌های هر دنباله L (چیدمان دنباله) یا نمونه‌های هر سیگنال (چیدمان سیگنال)</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>عمق</translation>
    </message>
    <message>
        <source>Depth D of a volume (volume layout only)</source>
        <translation>عمق D یک حجم (فقط چیدمان حجم)</translation>
    </message>
    <message>
        <source>Linear works on the last dimension of N×F features or N×L×D tokens, but its input is the image %1: add a Flatten or a global pooling layer before it</source>
        <translation>Linear روی بعد آخرِ ویژگی‌های N×F یا توکن‌های N×L×D کار می‌کند، اما ورودی آن تصویر %1 است: پیش از آن یک لایه Flatten یا ادغام سراسری بگذارید</translation>
    </message>
    <message>
        <source>Fully connected layer: every output is a weighted sum of every input. It acts on the last dimension: on N×F features, or on every token of N×L×D, where it plays the role of a 1×1 convolution. MACs = in_features × out_features per vector; parameters = that plus out_features bias values.</source>
        <translation>لایه تمام‌متصل: هر خروجی جمع وزن‌دار همه ورودی‌هاست. روی بعد آخر عمل می‌کند: روی ویژگی‌های N×F، یا روی تک‌تک توکن‌های N×L×D که در آن نقش کانولوشن 1×1 را بازی می‌کند. MACها = in_features × out_features برای هر بردار؛ پارامترها = همین به‌علاوه out_features مقدار بایاس.</translation>
    </message>
    <message>
        <source>Concat axis %1 does not exist in the inputs %2</source>
        <translation>محور %1 برای Concat در ورودی‌های %2 وجود ندارد</translation>
    </message>
    <message>
        <source>Output size in dimension %1 (%2)</source>
        <translation>اندازه خروجی در بعد %1 (%2)</translation>
    </message>
    <message>
        <source>Concat stacks its inputs along one axis; every other dimension must match</source>
        <translation>Concat ورودی‌هایش را در امتداد یک محور کنار هم می‌گذارد؛ همه بعدهای دیگر باید برابر باشند</translation>
    </message>
    <message>
        <source>Joins its inputs along one axis, in input order: the channel axis (1) by default, where batch, height and width must match. Inception modules concatenate their branches; ViT puts its class token in front of the patch tokens along axis 1 of N×L×D.</source>
        <translation>ورودی‌هایش را به ترتیب ورودی در امتداد یک محور به هم می‌پیوندد: به‌طور پیش‌فرض محور کانال (1)، که در آن دسته، ارتفاع و عرض باید برابر باشند. ماژول‌های Inception شاخه‌هایشان را به هم می‌پیوندند؛ ViT توکن کلاس را در محور 1 از N×L×D پیش از توکن‌های وصله‌ها می‌گذارد.</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>محور</translation>
    </message>
    <message>
        <source>Dimension to join along (negative counts from the end); 1 is the channels of N×C×H×W</source>
        <translation>بعدی که پیوند در امتداد آن است (منفی از انتها می‌شمارد)؛ 1 کانال‌های N×C×H×W است</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>محورها</translation>
    </message>
    <message>
        <source>This reduction</source>
        <translation>این کاهش</translation>
    </message>
    <message>
        <source>each output gathers %1 input values</source>
        <translation>هر خروجی %1 مقدار ورودی را گرد می‌آورد</translation>
    </message>
    <message>
        <source>Divisions</source>
        <translation>تقسیم‌ها</translation>
    </message>
    <message>
        <source>one division by %1 per output value</source>
        <translation>یک تقسیم بر %1 برای هر مقدار خروجی</translation>
    </message>
    <message>
        <source>summing k values takes k − 1 additions</source>
        <translation>جمع k مقدار به k − 1 جمع نیاز دارد</translation>
    </message>
    <message>
        <source>the largest of k values takes k − 1 comparisons</source>
        <translation>یافتن بزرگ‌ترینِ k مقدار به k − 1 مقایسه نیاز دارد</translation>
    </message>
    <message>
        <source>Dimensions to reduce, such as 2, 3 for height and width; empty: every dimension after the batch</source>
        <translation>بعدهایی که کاهش می‌یابند، مثلاً 2, 3 برای ارتفاع و عرض؛ خالی: همه بعدهای پس از دسته</translation>
    </message>
    <message>
        <source>Keep dimensions</source>
        <translation>نگه‌داشتن بعدها</translation>
    </message>
    <message>
        <source>Keep the reduced dimensions with size 1 (N×C×1×1 instead of N×C)</source>
        <translation>بعدهای کاهش‌یافته با اندازه 1 نگه داشته شوند (N×C×1×1 به‌جای N×C)</translation>
    </message>
    <message>
        <source>ReduceMean</source>
        <translation>ReduceMean</translation>
    </message>
    <message>
        <source>Mean over the chosen dimensions: k values cost k − 1 additions and one division. Over height and width it is global average pooling; over the last dimension it is the first step of LayerNorm.</source>
        <translation>میانگین روی بعدهای انتخاب‌شده: k مقدار، k − 1 جمع و یک تقسیم هزینه دارد. روی ارتفاع و عرض همان ادغام میانگین سراسری است؛ روی بعد آخر، نخستین گام LayerNorm است.</translation>
    </message>
    <message>
        <source>ReduceSum</source>
        <translation>ReduceSum</translation>
    </message>
    <message>
        <source>Sum over the chosen dimensions: k values cost k − 1 additions.</source>
        <translation>جمع روی بعدهای انتخاب‌شده: k مقدار، k − 1 جمع هزینه دارد.</translation>
    </message>
    <message>
        <source>ReduceMax</source>
        <translation>ReduceMax</translation>
    </message>
    <message>
        <source>Largest value over the chosen dimensions: k values cost k − 1 comparisons.</source>
        <translation>بزرگ‌ترین مقدار روی بعدهای انتخاب‌شده: k مقدار، k − 1 مقایسه هزینه دارد.</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>توکن‌ها</translation>
    </message>
    <message>
        <source>length</source>
        <translation>طول</translation>
    </message>
    <message>
        <source>features per token</source>
        <translation>ویژگی‌های هر توکن</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>عمق</translation>
    </message>
    <message>
        <source>dimension %1</source>
        <translation>بعد %1</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1: «%2» عدد صحیح نیست</translation>
    </message>
    <message>
        <source>%1: axis %2 does not exist in a tensor of rank %3</source>
        <translation>%1: محور %2 در تانسوری با رتبه %3 وجود ندارد</translation>
    </message>
    <message>
        <source>%1: axis %2 is given twice</source>
        <translation>%1: محور %2 دو بار آمده است</translation>
    </message>
    <message>
        <source>Flatten from dimension %1 to %2 does not fit the input %3</source>
        <translation>Flatten از بعد %1 تا %2 با ورودی %3 جور نیست</translation>
    </message>
    <message>
        <source>dimensions %1 to %2 are laid out in a single row; nothing is computed</source>
        <translation>بعدهای %1 تا %2 در یک ردیف چیده می‌شوند؛ چیزی محاسبه نمی‌شود</translation>
    </message>
    <message>
        <source>Turns N×C×H×W into N×(C·H·W), keeping the batch, so that a Linear layer can follow. Start and end choose the dimensions merged: 2 to -1 turns N×C×H×W into N×C×(H·W), as ViT does with its patches.</source>
        <translation>N×C×H×W را با حفظ دسته به N×(C·H·W) تبدیل می‌کند تا یک لایه Linear بتواند پس از آن بیاید. آغاز و پایان، بعدهایی را که یکی می‌شوند تعیین می‌کنند: 2 تا -1 تانسور N×C×H×W را به N×C×(H·W) تبدیل می‌کند، همان کاری که ViT با وصله‌هایش می‌کند.</translation>
    </message>
    <message>
        <source>Start dimension</source>
        <translation>بعد آغاز</translation>
    </message>
    <message>
        <source>First dimension merged (negative counts from the end)</source>
        <translation>نخستین بعدی که یکی می‌شود (منفی از انتها می‌شمارد)</translation>
    </message>
    <message>
        <source>End dimension</source>
        <translation>بعد پایان</translation>
    </message>
    <message>
        <source>Last dimension merged; -1 is the last</source>
        <translation>آخرین بعدی که یکی می‌شود؛ -1 یعنی بعد آخر</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>شکل</translation>
    </message>
    <message>
        <source>Order of dimensions</source>
        <translation>ترتیب بعدها</translation>
    </message>
    <message>
        <source>values are only moved or re-read; nothing is computed</source>
        <translation>مقدارها فقط جابه‌جا یا دوباره خوانده می‌شوند؛ چیزی محاسبه نمی‌شود</translation>
    </message>
    <message>
        <source>Reshape</source>
        <translation>Reshape</translation>
    </message>
    <message>
        <source>Shape: give between 1 and %1 sizes, such as 0, -1, 768</source>
        <translation>شکل: بین 1 تا %1 اندازه بدهید، مثلاً 0, -1, 768</translation>
    </message>
    <message>
        <source>Shape: 0 copies the input&apos;s size at the same position, but the input %1 has no dimension %2</source>
        <translation>شکل: 0 اندازه ورودی در همان جایگاه را کپی می‌کند، اما ورودی %1 بعد %2 ندارد</translation>
    </message>
    <message>
        <source>Shape: only one size can be -1 (worked out from the rest)</source>
        <translation>شکل: فقط یک اندازه می‌تواند -1 باشد (که از بقیه به دست می‌آید)</translation>
    </message>
    <message>
        <source>Shape: %1 is not a size (use -1 to infer one)</source>
        <translation>شکل: %1 اندازه نیست (برای استنتاج یک اندازه از -1 استفاده کنید)</translation>
    </message>
    <message>
        <source>the reshaped size overflows</source>
        <translation>اندازه تغییرشکل‌یافته سرریز می‌کند</translation>
    </message>
    <message>
        <source>Reshape cannot fill -1: the input %1 has %2 values, which the other sizes (product %3) do not divide</source>
        <translation>Reshape نمی‌تواند -1 را پر کند: ورودی %1 دارای %2 مقدار است که بر اندازه‌های دیگر (حاصل‌ضرب %3) بخش‌پذیر نیست</translation>
    </message>
    <message>
        <source>Reshape must keep the number of values: the input %1 has %2, the shape %3 has %4</source>
        <translation>Reshape باید تعداد مقدارها را حفظ کند: ورودی %1 دارای %2 مقدار است و شکل %3 دارای %4</translation>
    </message>
    <message>
        <source>the same values in the same order, read with other sizes: 0 copies the input&apos;s size, -1 is worked out so that the count stays the same</source>
        <translation>همان مقدارها به همان ترتیب، با اندازه‌های دیگر خوانده می‌شوند: 0 اندازه ورودی را کپی می‌کند و -1 طوری به دست می‌آید که تعداد ثابت بماند</translation>
    </message>
    <message>
        <source>Permute</source>
        <translation>Permute</translation>
    </message>
    <message>
        <source>Order of dimensions: the input %1 has %2 dimensions, so give %2 numbers, such as 0, 2, 3, 1</source>
        <translation>ترتیب بعدها: ورودی %1 دارای %2 بعد است، پس %2 عدد بدهید، مثلاً 0, 2, 3, 1</translation>
    </message>
    <message>
        <source>output dimension i is input dimension order[i] (order %1); the values are copied into the new order</source>
        <translation>بعد i خروجی همان بعد order[i] ورودی است (ترتیب %1)؛ مقدارها به ترتیب تازه کپی می‌شوند</translation>
    </message>
    <message>
        <source>Squeeze</source>
        <translation>Squeeze</translation>
    </message>
    <message>
        <source>Squeeze removes only dimensions of size 1, and dimension %1 of %2 has size %3</source>
        <translation>Squeeze فقط بعدهای با اندازه 1 را حذف می‌کند، اما بعد %1 از %2 اندازه %3 دارد</translation>
    </message>
    <message>
        <source>Unsqueeze</source>
        <translation>Unsqueeze</translation>
    </message>
    <message>
        <source>Axes: give the positions of the new dimensions (at most %1 dimensions in all)</source>
        <translation>محورها: جایگاه بعدهای تازه را بدهید (روی هم حداکثر %1 بعد)</translation>
    </message>
    <message>
        <source>dimensions of size 1 are removed or inserted; the values stay where they are</source>
        <translation>بعدهای با اندازه 1 حذف یا افزوده می‌شوند؛ مقدارها سر جایشان می‌مانند</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Slice</translation>
    </message>
    <message>
        <source>Axis %1 does not exist in the input %2</source>
        <translation>محور %1 در ورودی %2 وجود ندارد</translation>
    </message>
    <message>
        <source>Slice %1:%2 of dimension %3 (size %4) is empty</source>
        <translation>برش %1:%2 از بعد %3 (با اندازه %4) تهی است</translation>
    </message>
    <message>
        <source>a range of one dimension is copied out</source>
        <translation>بازه‌ای از یک بعد بیرون کپی می‌شود</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>نگه‌داشته</translation>
    </message>
    <message>
        <source>positions start, start + step, … before end along dimension %1</source>
        <translation>جایگاه‌های start، start + step، … پیش از end در امتداد بعد %1</translation>
    </message>
    <message>
        <source>ChannelShuffle</source>
        <translation>ChannelShuffle</translation>
    </message>
    <message>
        <source>ChannelShuffle needs the channels (dimension 1) to be a multiple of the %1 groups, but the input is %2</source>
        <translation>ChannelShuffle نیاز دارد تعداد کانال‌ها (بعد 1) مضربی از %1 گروه باشد، اما ورودی %2 است</translation>
    </message>
    <message>
        <source>the channels, seen as a %1 × %2 grid (groups × channels per group), are transposed so that every group of the next grouped convolution sees channels of every group</source>
        <translation>کانال‌ها، به شکل جدولی %1 × %2 (گروه‌ها × کانال‌های هر گروه)، ترانهاده می‌شوند تا هر گروهِ کانولوشن گروهی بعدی، کانال‌هایی از همه گروه‌ها را ببیند</translation>
    </message>
    <message>
        <source>PixelShuffle</source>
        <translation>PixelShuffle</translation>
    </message>
    <message>
        <source>PixelShuffle with factor %1 needs channels divisible by %1 × %1 = %2, but the input has %3</source>
        <translation>PixelShuffle با ضریب %1 به تعداد کانالی بخش‌پذیر بر %1 × %1 = %2 نیاز دارد، اما ورودی %3 کانال دارد</translation>
    </message>
    <message>
        <source>each group of r² channels becomes an r × r block of pixels</source>
        <translation>هر گروه r² کانالی به یک بلوک r × r از پیکسل‌ها تبدیل می‌شود</translation>
    </message>
    <message>
        <source>r = %1</source>
        <translation>r = %1</translation>
    </message>
    <message>
        <source>Reads the same values with other sizes (PyTorch&apos;s view/reshape). In the shape, 0 copies the input&apos;s size at that position and one -1 is worked out from the rest: 0, -1 turns 1×256×6×6 into 1×9216, and 0, 768, -1 turns 1×768×14×14 into 1×768×196. The number of values cannot change. No operations.</source>
        <translation>همان مقدارها را با اندازه‌های دیگر می‌خواند (view/reshape در PyTorch). در شکل، 0 اندازه ورودی در همان جایگاه را کپی می‌کند و یک -1 از بقیه به دست می‌آید: 0, -1 تانسور 1×256×6×6 را به 1×9216 تبدیل می‌کند و 0, 768, -1 تانسور 1×768×14×14 را به 1×768×196. تعداد مقدارها نمی‌تواند تغییر کند. بدون عملیات.</translation>
    </message>
    <message>
        <source>Sizes of the output, batch first; 0 copies, -1 is worked out</source>
        <translation>اندازه‌های خروجی، با دسته در آغاز؛ 0 کپی می‌کند، -1 به دست می‌آید</translation>
    </message>
    <message>
        <source>Reorders the dimensions (PyTorch&apos;s permute; transpose swaps two): order 0, 2, 3, 1 turns N×C×H×W into N×H×W×C, and 0, 2, 1 turns N×C×L into N×L×C tokens. The values are copied into the new order; no arithmetic.</source>
        <translation>ترتیب بعدها را عوض می‌کند (permute در PyTorch؛ transpose دو بعد را جابه‌جا می‌کند): ترتیب 0, 2, 3, 1 تانسور N×C×H×W را به N×H×W×C تبدیل می‌کند و 0, 2, 1 تانسور N×C×L را به توکن‌های N×L×C. مقدارها به ترتیب تازه کپی می‌شوند؛ بدون محاسبه.</translation>
    </message>
    <message>
        <source>For each output dimension, the input dimension it comes from</source>
        <translation>برای هر بعد خروجی، بعدی از ورودی که از آن می‌آید</translation>
    </message>
    <message>
        <source>Removes dimensions of size 1: axes 2, 3 turn N×C×1×1 into N×C. With no axes, every size-1 dimension after the batch is removed.</source>
        <translation>بعدهای با اندازه 1 را حذف می‌کند: محورهای 2, 3 تانسور N×C×1×1 را به N×C تبدیل می‌کنند. بدون محور، همه بعدهای با اندازه 1 پس از دسته حذف می‌شوند.</translation>
    </message>
    <message>
        <source>Dimensions to remove (each of size 1); empty: all after the batch</source>
        <translation>بعدهایی که حذف می‌شوند (هر یک با اندازه 1)؛ خالی: همه بعدهای پس از دسته</translation>
    </message>
    <message>
        <source>Inserts dimensions of size 1 at the given positions of the output: axes 2, 3 turn N×C into N×C×1×1, ready to scale an image.</source>
        <translation>بعدهایی با اندازه 1 در جایگاه‌های داده‌شده خروجی می‌افزاید: محورهای 2, 3 تانسور N×C را به N×C×1×1 تبدیل می‌کنند، آماده برای مقیاس‌کردن یک تصویر.</translation>
    </message>
    <message>
        <source>Positions of the new size-1 dimensions</source>
        <translation>جایگاه بعدهای تازه با اندازه 1</translation>
    </message>
    <message>
        <source>Keeps positions start, start + step, … before end of one dimension, as Python&apos;s x[start:end:step] (negative positions count from the end; positions past the end stop at the end). ViT takes its class token with axis 1, start 0, end 1.</source>
        <translation>جایگاه‌های start، start + step، … پیش از end را در یک بعد نگه می‌دارد، مانند x[start:end:step] در پایتون (جایگاه‌های منفی از انتها شمرده می‌شوند؛ جایگاه‌های فراتر از انتها در انتها می‌ایستند). ViT توکن کلاسش را با محور 1، آغاز 0 و پایان 1 برمی‌دارد.</translation>
    </message>
    <message>
        <source>Dimension to slice (negative counts from the end)</source>
        <translation>بعدی که بریده می‌شود (منفی از انتها می‌شمارد)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>First position kept</source>
        <translation>نخستین جایگاه نگه‌داشته</translation>
    </message>
    <message>
        <source>End</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Position where the slice stops (not kept)</source>
        <translation>جایگاهی که برش در آن می‌ایستد (نگه داشته نمی‌شود)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Distance between kept positions</source>
        <translation>فاصله بین جایگاه‌های نگه‌داشته</translation>
    </message>
    <message>
        <source>Interleaves the channels of g groups (ShuffleNet): after a grouped 1×1 convolution each group sees only its own channels, and the shuffle lets the next one mix them. Same shape; no arithmetic.</source>
        <translation>کانال‌های g گروه را درهم می‌چیند (ShuffleNet): پس از یک کانولوشن گروهی 1×1 هر گروه فقط کانال‌های خودش را می‌بیند و این درهم‌ریزی به کانولوشن بعدی امکان آمیختن آن‌ها را می‌دهد. همان شکل؛ بدون محاسبه.</translation>
    </message>
    <message>
        <source>Number of channel groups to interleave</source>
        <translation>تعداد گروه‌های کانالی که درهم چیده می‌شوند</translation>
    </message>
    <message>
        <source>Turns channels into space (DepthToSpace): N×C×H×W becomes N×(C/r²)×(H·r)×(W·r). Super-resolution networks end with it. No arithmetic.</source>
        <translation>کانال‌ها را به فضا تبدیل می‌کند (DepthToSpace): N×C×H×W به N×(C/r²)×(H·r)×(W·r) تبدیل می‌شود. شبکه‌های ابرتفکیک‌پذیری با آن پایان می‌یابند. بدون محاسبه.</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>ضریب</translation>
    </message>
    <message>
        <source>r: each side grows r times</source>
        <translation>r: هر ضلع r برابر می‌شود</translation>
    </message>
    <message>
        <source>Channel order</source>
        <translation>ترتیب کانال‌ها</translation>
    </message>
    <message>
        <source>CRD: PyTorch&apos;s PixelShuffle; DCR: ONNX DepthToSpace&apos;s default. Same shape and cost, values in another order</source>
        <translation>CRD: همان PixelShuffle در PyTorch؛ DCR: پیش‌فرض DepthToSpace در ONNX. همان شکل و هزینه، با مقدارهایی به ترتیبی دیگر</translation>
    </message>
    <message>
        <source>CRD (PixelShuffle)</source>
        <translation>CRD (PixelShuffle)</translation>
    </message>
    <message>
        <source>DCR (DepthToSpace)</source>
        <translation>DCR (DepthToSpace)</translation>
    </message>
    <message>
        <source>0.5·x·(1 + erf(x/√2)): three multiplications, one addition and one transcendental (erf, counted with exps) per value. The tanh form 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) costs six multiplications, two additions and one tanh.</source>
        <translation>0.5·x·(1 + erf(x/√2)): برای هر مقدار سه ضرب، یک جمع و یک تابع غیرجبری (erf، که با exp شمرده می‌شود). شکل tanh یعنی 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) شش ضرب، دو جمع و یک tanh هزینه دارد.</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>شکل محاسبه</translation>
    </message>
    <message>
        <source>erf: the exact GELU (BERT, ViT); tanh: the approximation (GPT-2)</source>
        <translation>erf: همان GELU دقیق (BERT، ViT)؛ tanh: تقریب آن (GPT-2)</translation>
    </message>
    <message>
        <source>erf (exact)</source>
        <translation>erf (دقیق)</translation>
    </message>
    <message>
        <source>tanh (approximate)</source>
        <translation>tanh (تقریبی)</translation>
    </message>
    <message>
        <source>SiLU</source>
        <translation>SiLU</translation>
    </message>
    <message>
        <source>x · sigmoid(x), also called Swish (EfficientNet): one exponential, one addition, one division and one multiplication per value.</source>
        <translation>x · sigmoid(x)، که Swish هم نامیده می‌شود (EfficientNet): برای هر مقدار یک نمایی، یک جمع، یک تقسیم و یک ضرب.</translation>
    </message>
    <message>
        <source>HardSwish</source>
        <translation>HardSwish</translation>
    </message>
    <message>
        <source>x · ReLU6(x + 3) / 6 (MobileNetV3), Swish without the exponential: one addition, two comparisons, one multiplication and one division per value.</source>
        <translation>x · ReLU6(x + 3) / 6 (MobileNetV3)، یعنی Swish بدون تابع نمایی: برای هر مقدار یک جمع، دو مقایسه، یک ضرب و یک تقسیم.</translation>
    </message>
    <message>
        <source>HardSigmoid</source>
        <translation>HardSigmoid</translation>
    </message>
    <message>
        <source>ReLU6(x + 3) / 6, a piecewise-linear sigmoid (the gate of MobileNetV3&apos;s squeeze-and-excitation): one addition, two comparisons and one division per value.</source>
        <translation>ReLU6(x + 3) / 6، یک سیگموید تکه‌ای‌خطی (دروازه فشرده‌سازی و برانگیختگی در MobileNetV3): برای هر مقدار یک جمع، دو مقایسه و یک تقسیم.</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>x · tanh(softplus(x)) = x · tanh(ln(1 + eˣ)): three transcendentals (exp, log, tanh), one addition and one multiplication per value.</source>
        <translation>x · tanh(softplus(x)) = x · tanh(ln(1 + eˣ)): برای هر مقدار سه تابع غیرجبری (exp، log، tanh)، یک جمع و یک ضرب.</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>ln(1 + eˣ), a smooth ReLU: two transcendentals (exp, log) and one addition per value.</source>
        <translation>ln(1 + eˣ)، یک ReLU هموار: برای هر مقدار دو تابع غیرجبری (exp، log) و یک جمع.</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>x if x &gt; 0, else α·(eˣ − 1): one comparison, one exponential, one addition and one multiplication per value.</source>
        <translation>اگر x &gt; 0 باشد x، وگرنه α·(eˣ − 1): برای هر مقدار یک مقایسه، یک نمایی، یک جمع و یک ضرب.</translation>
    </message>
    <message>
        <source>Value approached for very negative inputs: −α</source>
        <translation>مقداری که برای ورودی‌های بسیار منفی به آن نزدیک می‌شود: −α</translation>
    </message>
    <message>
        <source>Over one axis (the channels by default; the last, -1, for attention scores): e^x / Σ e^x. One exponential and one division per value, and size − 1 additions per row for the sum.</source>
        <translation>روی یک محور (به‌طور پیش‌فرض کانال‌ها؛ برای امتیازهای توجه، محور آخر -1): e^x / Σ e^x. برای هر مقدار یک نمایی و یک تقسیم، و برای جمع هر ردیف، اندازه − 1 جمع.</translation>
    </message>
    <message>
        <source>Dimension the probabilities sum to 1 over (negative counts from the end)</source>
        <translation>بعدی که احتمال‌ها روی آن جمعشان 1 می‌شود (منفی از انتها می‌شمارد)</translation>
    </message>
    <message>
        <source>Conv1d</source>
        <translation>Conv1d</translation>
    </message>
    <message>
        <source>Conv3d</source>
        <translation>Conv3d</translation>
    </message>
    <message>
        <source>%1 needs a %2 input, but its input is %3</source>
        <translation>%1 به ورودی %2 نیاز دارد، اما ورودی آن %3 است</translation>
    </message>
    <message>
        <source>%1: input channels (%2) and output channels (%3) must both be multiples of the %4 groups</source>
        <translation>%1: کانال‌های ورودی (%2) و کانال‌های خروجی (%3) هر دو باید مضربی از %4 گروه باشند</translation>
    </message>
    <message>
        <source>%1: the kernel spans %2 positions in dimension %3, but the padded input has only %4</source>
        <translation>%1: کرنل در بعد %3 روی %2 جایگاه گسترده است، اما ورودی پدشده فقط %4 جایگاه دارد</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>اندازه خروجی</translation>
    </message>
    <message>
        <source>the same rule as Conv2d, on every spatial axis</source>
        <translation>همان قاعده Conv2d، روی هر محور مکانی</translation>
    </message>
    <message>
        <source>every output value is a weighted sum over the kernel and the input channels of its group</source>
        <translation>هر مقدار خروجی جمعی وزن‌دار روی کرنل و کانال‌های ورودی گروه خودش است</translation>
    </message>
    <message>
        <source>one kernel per output channel</source>
        <translation>یک کرنل برای هر کانال خروجی</translation>
    </message>
    <message>
        <source>Number of filters</source>
        <translation>تعداد فیلترها</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>گشادگی (Dilation)</translation>
    </message>
    <message>
        <source>Spacing between kernel taps</source>
        <translation>فاصله بین نقطه‌های کرنل</translation>
    </message>
    <message>
        <source>Channel groups; equal to the channels for a depthwise convolution</source>
        <translation>گروه‌های کانال؛ در کانولوشن عمقی برابر تعداد کانال‌ها</translation>
    </message>
    <message>
        <source>Kernel depth</source>
        <translation>عمق کرنل</translation>
    </message>
    <message>
        <source>Stride depth</source>
        <translation>گام در عمق</translation>
    </message>
    <message>
        <source>Padding depth</source>
        <translation>پدینگ در عمق</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>اندازه کرنل</translation>
    </message>
    <message>
        <source>Kernel size along this axis</source>
        <translation>اندازه کرنل در امتداد این محور</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Step between kernel positions</source>
        <translation>فاصله بین جایگاه‌های کرنل</translation>
    </message>
    <message>
        <source>Zeros added on both sides along this axis</source>
        <translation>صفرهایی که در دو سوی این محور افزوده می‌شوند</translation>
    </message>
    <message>
        <source>MatMul multiplies two inputs: connect A, then B</source>
        <translation>MatMul دو ورودی را در هم ضرب می‌کند: نخست A و سپس B را وصل کنید</translation>
    </message>
    <message>
        <source>MatMul needs matrices (rank 2 or more), not %1 and %2</source>
        <translation>MatMul به ماتریس (رتبه 2 یا بیشتر) نیاز دارد، نه %1 و %2</translation>
    </message>
    <message>
        <source>MatMul: the last size of A (%1, from %2) must equal the second last of B (%3, from %4)</source>
        <translation>MatMul: اندازه آخر A (%1، از %2) باید با اندازه یکی‌مانده‌به‌آخر B (%3، از %4) برابر باشد</translation>
    </message>
    <message>
        <source>MatMul: the batch dimensions of %1 and %2 cannot be broadcast</source>
        <translation>MatMul: بعدهای دسته %1 و %2 را نمی‌توان همه‌پخش (broadcast) کرد</translation>
    </message>
    <message>
        <source>the output would have too many dimensions</source>
        <translation>خروجی بیش از حد بعد پیدا می‌کرد</translation>
    </message>
    <message>
        <source>each output value is a dot product of length %1 (a row of A with a column of B); in attention, Q·Kᵀ grows with the square of the number of tokens</source>
        <translation>هر مقدار خروجی یک ضرب داخلی به طول %1 است (یک سطر A در یک ستون B)؛ در توجه، Q·Kᵀ با مربع تعداد توکن‌ها رشد می‌کند</translation>
    </message>
    <message>
        <source>both operands are activations: nothing is learned here</source>
        <translation>هر دو عملوند فعال‌سازی‌اند: این‌جا چیزی یاد گرفته نمی‌شود</translation>
    </message>
    <message>
        <source>Convolution over 1-D signals N×C×L (audio, text): a kernel slides along L. MACs = L_out · C_out · k · C_in/groups.</source>
        <translation>کانولوشن روی سیگنال‌های یک‌بعدی N×C×L (صدا، متن): کرنل در امتداد L می‌لغزد. MACها = L_out · C_out · k · C_in/groups.</translation>
    </message>
    <message>
        <source>Convolution over volumes N×C×D×H×W (video, medical scans): a k_d × k_h × k_w kernel slides along depth, height and width. MACs = D_out · H_out · W_out · C_out · k_d · k_h · k_w · C_in/groups.</source>
        <translation>کانولوشن روی حجم‌های N×C×D×H×W (ویدئو، تصویرهای پزشکی): کرنلی k_d × k_h × k_w در امتداد عمق، ارتفاع و عرض می‌لغزد. MACها = D_out · H_out · W_out · C_out · k_d · k_h · k_w · C_in/groups.</translation>
    </message>
    <message>
        <source>MatMul</source>
        <translation>MatMul</translation>
    </message>
    <message>
        <source>Matrix product of two activations, A (…×n×k) · B (…×k×m) = …×n×m, with the leading (batch, head) dimensions broadcast: attention&apos;s scores Q·Kᵀ and its output A·V. MACs = output values × k; no parameters.</source>
        <translation>ضرب ماتریسی دو فعال‌سازی، A (…×n×k) · B (…×k×m) = …×n×m، با همه‌پخشی بعدهای آغازین (دسته، سر): امتیازهای توجه Q·Kᵀ و خروجی آن A·V. MACها = تعداد مقدارهای خروجی × k؛ بدون پارامتر.</translation>
    </message>
    <message>
        <source>%1 inputs cannot be broadcast in dimension %2: %3 vs %4 (input 1 is %5, input %6 is %7); each dimension must be equal, or 1 in one of them</source>
        <translation>ورودی‌های %1 را نمی‌توان در بعد %2 همه‌پخش کرد: %3 در برابر %4 (ورودی 1 %5 است و ورودی %6 %7)؛ هر بعد باید برابر باشد، یا در یکی از آن‌ها 1 باشد</translation>
    </message>
    <message>
        <source>Mul</source>
        <translation>Mul</translation>
    </message>
    <message>
        <source>Sub</source>
        <translation>Sub</translation>
    </message>
    <message>
        <source>Div</source>
        <translation>Div</translation>
    </message>
    <message>
        <source>shapes are aligned from the right; a size 1 is stretched to the other size (broadcasting)</source>
        <translation>شکل‌ها از راست هم‌تراز می‌شوند؛ اندازه 1 تا اندازه دیگر کشیده می‌شود (همه‌پخشی)</translation>
    </message>
    <message>
        <source>one operation per output value for each operand after the first</source>
        <translation>برای هر عملوند پس از نخستین، یک عمل به ازای هر مقدار خروجی</translation>
    </message>
    <message>
        <source>Multiplications</source>
        <translation>ضرب‌ها</translation>
    </message>
    <message>
        <source>Subtractions</source>
        <translation>تفریق‌ها</translation>
    </message>
    <message>
        <source>Constant operand</source>
        <translation>عملوند ثابت</translation>
    </message>
    <message>
        <source>One operand is a constant of the imported file (a scale or a shift), not a connected layer: it still costs one operation per value</source>
        <translation>یکی از عملوندها ثابتی از فایل واردشده است (یک ضریب یا یک جابه‌جایی)، نه یک لایه وصل‌شده: باز هم برای هر مقدار یک عمل هزینه دارد</translation>
    </message>
    <message>
        <source>Element-wise product with NumPy broadcasting: the gate of a squeeze-and-excitation block (N×C×1×1) scales every pixel of its channel (N×C×H×W); x · sigmoid(x) is SiLU. k inputs cost k − 1 multiplications per output value.</source>
        <translation>ضرب درایه‌به‌درایه با همه‌پخشی NumPy: دروازه بلوک فشرده‌سازی و برانگیختگی (N×C×1×1) همه پیکسل‌های کانال خود (N×C×H×W) را مقیاس می‌کند؛ x · sigmoid(x) همان SiLU است. k ورودی برای هر مقدار خروجی k − 1 ضرب هزینه دارد.</translation>
    </message>
    <message>
        <source>Element-wise difference input 1 − input 2, with NumPy broadcasting: one subtraction (counted as an addition) per output value.</source>
        <translation>تفاضل درایه‌به‌درایه ورودی 1 − ورودی 2، با همه‌پخشی NumPy: برای هر مقدار خروجی یک تفریق (که جمع شمرده می‌شود).</translation>
    </message>
    <message>
        <source>Element-wise quotient input 1 / input 2, with NumPy broadcasting: one division per output value.</source>
        <translation>خارج‌قسمت درایه‌به‌درایه ورودی 1 / ورودی 2، با همه‌پخشی NumPy: برای هر مقدار خروجی یک تقسیم.</translation>
    </message>
    <message>
        <source>mean and variance are computed over %1 values: %2</source>
        <translation>میانگین و واریانس روی %1 مقدار محاسبه می‌شوند: %2</translation>
    </message>
    <message>
        <source>the sum for the mean, x − mean, the sum of squares and + ε per group; with the shift, one more per value</source>
        <translation>جمع برای میانگین، x − میانگین، جمع مربع‌ها و + ε در هر گروه؛ با جابه‌جایی آموختنی، یکی بیشتر برای هر مقدار</translation>
    </message>
    <message>
        <source>mean and variance per group, then every value by σ</source>
        <translation>میانگین و واریانس در هر گروه، سپس هر مقدار بر σ</translation>
    </message>
    <message>
        <source>a learned scale and shift per normalised position</source>
        <translation>یک ضریب و یک جابه‌جایی آموختنی برای هر جایگاه نرمال‌شده</translation>
    </message>
    <message>
        <source>no learned scale or shift</source>
        <translation>بدون ضریب یا جابه‌جایی آموختنی</translation>
    </message>
    <message>
        <source>%1 needs at least a batch and a channel (N×C…), but its input is %2</source>
        <translation>%1 دست‌کم به یک دسته و یک کانال (N×C…) نیاز دارد، اما ورودی آن %2 است</translation>
    </message>
    <message>
        <source>LayerNorm</source>
        <translation>LayerNorm</translation>
    </message>
    <message>
        <source>LayerNorm over the last %1 dimensions needs an input of rank above %1 (the batch is never normalised), not %2</source>
        <translation>LayerNorm روی %1 بعد آخر به ورودی با رتبه بیش از %1 نیاز دارد (دسته هرگز نرمال نمی‌شود)، نه %2</translation>
    </message>
    <message numerus="yes">
        <source>the last %n dimension(s)</source>
        <translation>
            <numerusform>%n بعد آخر</numerusform>
        </translation>
    </message>
    <message>
        <source>GroupNorm</source>
        <translation>GroupNorm</translation>
    </message>
    <message>
        <source>GroupNorm needs the %1 channels to be a multiple of the %2 groups</source>
        <translation>GroupNorm نیاز دارد که %1 کانال مضربی از %2 گروه باشد</translation>
    </message>
    <message>
        <source>%1 channels of a group, at every position</source>
        <translation>%1 کانال یک گروه، در همه جایگاه‌ها</translation>
    </message>
    <message>
        <source>InstanceNorm</source>
        <translation>InstanceNorm</translation>
    </message>
    <message>
        <source>InstanceNorm normalises each channel over its positions, so it needs N×C×L, N×C×H×W or N×C×D×H×W, not %1</source>
        <translation>InstanceNorm هر کانال را روی جایگاه‌هایش نرمال می‌کند، پس به N×C×L، N×C×H×W یا N×C×D×H×W نیاز دارد، نه %1</translation>
    </message>
    <message>
        <source>one channel of one sample, at every position</source>
        <translation>یک کانال از یک نمونه، در همه جایگاه‌ها</translation>
    </message>
    <message>
        <source>Learn a scale and a shift per normalised position (per channel for GroupNorm and InstanceNorm)</source>
        <translation>یادگیری یک ضریب و یک جابه‌جایی برای هر جایگاه نرمال‌شده (برای GroupNorm و InstanceNorm، برای هر کانال)</translation>
    </message>
    <message>
        <source>Normalises each sample over its last dimensions (the features of every token in a transformer, N×L×D over D; ConvNeXt over the channels), with mean and variance computed at inference: per group of m values, 3m − 1 additions, m multiplications, m + 2 divisions and one square root; a learned scale and shift add one multiplication and one addition per value and 2m parameters.</source>
        <translation>هر نمونه را روی بعدهای آخرش نرمال می‌کند (ویژگی‌های هر توکن در ترنسفورمر، N×L×D روی D؛ در ConvNeXt روی کانال‌ها)، با میانگین و واریانسی که در زمان استنتاج محاسبه می‌شوند: برای هر گروه m مقداری، 3m − 1 جمع، m ضرب، m + 2 تقسیم و یک جذر؛ ضریب و جابه‌جایی آموختنی برای هر مقدار یک ضرب و یک جمع و روی هم 2m پارامتر می‌افزایند.</translation>
    </message>
    <message>
        <source>Normalised dimensions</source>
        <translation>بعدهای نرمال‌شده</translation>
    </message>
    <message>
        <source>How many trailing dimensions are normalised together (1: the last, as nn.LayerNorm(D))</source>
        <translation>چند بعد آخر با هم نرمال می‌شوند (1: فقط آخری، مانند nn.LayerNorm(D))</translation>
    </message>
    <message>
        <source>Normalises groups of channels of each sample over all their positions, independent of the batch size. Costs as LayerNorm with m = C/groups × H × W; 2C parameters with the learned scale and shift.</source>
        <translation>گروه‌هایی از کانال‌های هر نمونه را روی همه جایگاه‌هایشان نرمال می‌کند، مستقل از اندازه دسته. هزینه مانند LayerNorm با m = C/groups × H × W؛ با ضریب و جابه‌جایی آموختنی 2C پارامتر.</translation>
    </message>
    <message>
        <source>Number of channel groups; the channels must divide</source>
        <translation>تعداد گروه‌های کانال؛ تعداد کانال‌ها باید بر آن بخش‌پذیر باشد</translation>
    </message>
    <message>
        <source>Normalises every channel of every sample over its positions (style transfer): GroupNorm with one channel per group. Costs as LayerNorm with m = H × W; no parameters unless the scale and shift are learned (2C), as in PyTorch&apos;s default.</source>
        <translation>هر کانال هر نمونه را روی جایگاه‌هایش نرمال می‌کند (انتقال سبک): GroupNorm با یک کانال در هر گروه. هزینه مانند LayerNorm با m = H × W؛ بدون پارامتر مگر آن‌که ضریب و جابه‌جایی آموخته شوند (2C)، مانند پیش‌فرض PyTorch.</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>اندازه‌ها</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Split makes at most %1 pieces</source>
        <translation>Split حداکثر %1 تکه می‌سازد</translation>
    </message>
    <message>
        <source>Split into %1 equal parts needs dimension %2 (size %3) to be a multiple of %1; give the sizes instead</source>
        <translation>تقسیم به %1 بخش برابر نیاز دارد که بعد %2 (با اندازه %3) مضربی از %1 باشد؛ به‌جای آن اندازه‌ها را بدهید</translation>
    </message>
    <message>
        <source>the sizes add up to %1, but dimension %2 of %3 has %4</source>
        <translation>جمع اندازه‌ها %1 است، اما بعد %2 از %3 اندازه %4 دارد</translation>
    </message>
    <message>
        <source>Chunk</source>
        <translation>Chunk</translation>
    </message>
    <message>
        <source>Chunk cuts dimension %1 (size %2) into pieces of %3, which makes only %4 pieces, not %5</source>
        <translation>Chunk بعد %1 (با اندازه %2) را به تکه‌های %3تایی می‌بُرد که فقط %4 تکه می‌سازد، نه %5</translation>
    </message>
    <message>
        <source>each output is one piece of the input along the axis; the pieces together hold every input value once</source>
        <translation>هر خروجی یک تکه از ورودی در امتداد محور است؛ تکه‌ها روی هم هر مقدار ورودی را یک بار دارند</translation>
    </message>
    <message>
        <source>Cuts the input into pieces along one axis, one output each (PyTorch&apos;s split, ONNX Split, Caffe&apos;s Slice): sizes 58, 58 cut 116 channels in two halves, as ShuffleNet v2 does; with no sizes, the axis is cut into equal parts. No arithmetic.</source>
        <translation>ورودی را در امتداد یک محور به تکه‌هایی می‌بُرد، هر تکه یک خروجی (split در PyTorch، Split در ONNX، Slice در Caffe): اندازه‌های 58, 58 کانال‌های 116تایی را دو نیم می‌کنند، همان کاری که ShuffleNet v2 می‌کند؛ بدون اندازه، محور به بخش‌های برابر بریده می‌شود. بدون محاسبه.</translation>
    </message>
    <message>
        <source>Dimension to cut (negative counts from the end)</source>
        <translation>بعدی که بریده می‌شود (منفی از انتها می‌شمارد)</translation>
    </message>
    <message>
        <source>Equal parts</source>
        <translation>بخش‌های برابر</translation>
    </message>
    <message>
        <source>Number of equal pieces when no sizes are given</source>
        <translation>تعداد تکه‌های برابر وقتی اندازه‌ای داده نشده</translation>
    </message>
    <message>
        <source>Cuts the input into a number of pieces along one axis (PyTorch&apos;s chunk): each piece has ceil(size / chunks) values along it, the last one what is left. No arithmetic.</source>
        <translation>ورودی را در امتداد یک محور به چند تکه می‌بُرد (chunk در PyTorch): هر تکه در امتداد محور ceil(size / chunks) مقدار دارد و آخرین تکه هرچه باقی بماند. بدون محاسبه.</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>تکه‌ها</translation>
    </message>
    <message>
        <source>Number of pieces, one output each</source>
        <translation>تعداد تکه‌ها، هر کدام یک خروجی</translation>
    </message>
    <message>
        <source>Elements of the constant operand (a learned scale or shift in the imported file)</source>
        <translation>تعداد درایه‌های عملوند ثابت (یک ضریب یا جابه‌جایی آموخته در فایل واردشده)</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>آشکارسازی</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>برش (Crop)</translation>
    </message>
    <message>
        <source>Crop needs inputs of the same rank, not %1 and %2</source>
        <translation>Crop به ورودی‌هایی با مرتبهٔ یکسان نیاز دارد، نه %1 و %2</translation>
    </message>
    <message>
        <source>Crop axis %1 does not exist in %2</source>
        <translation>محور %1 برای Crop در %2 وجود ندارد</translation>
    </message>
    <message>
        <source>Crop cannot cut %1 values at offset %2 from a dimension of size %3 (dimension %4)</source>
        <translation>Crop نمی‌تواند %1 مقدار را از جابه‌جایی %2 در بعدی به اندازهٔ %3 ببرد (بعد %4)</translation>
    </message>
    <message>
        <source>the dimensions of %1 before axis %2, and those of the reference %3 from it on; values are copied, nothing is computed</source>
        <translation>ابعاد %1 پیش از محور %2، و ابعاد مرجع %3 از آن محور به بعد؛ مقدارها کپی می‌شوند و چیزی محاسبه نمی‌شود</translation>
    </message>
    <message>
        <source>L2 Normalize</source>
        <translation>نرمال‌سازی L2</translation>
    </message>
    <message>
        <source>one scale shared by every channel</source>
        <translation>یک ضریب مقیاس مشترک برای همهٔ کانال‌ها</translation>
    </message>
    <message>
        <source>one learned scale per channel (SSD starts it at 20)</source>
        <translation>یک ضریب مقیاس آموختنی برای هر کانال (SSD آن را از 20 آغاز می‌کند)</translation>
    </message>
    <message>
        <source>every value is squared and added to its norm&apos;s sum</source>
        <translation>هر مقدار به توان دو می‌رسد و به مجموع نُرم خود افزوده می‌شود</translation>
    </message>
    <message>
        <source>Square roots</source>
        <translation>جذرها</translation>
    </message>
    <message>
        <source>one norm per sample</source>
        <translation>یک نُرم برای هر نمونه</translation>
    </message>
    <message>
        <source>one norm per position: N × H × W, over the channels</source>
        <translation>یک نُرم برای هر موقعیت: N × H × W، روی کانال‌ها</translation>
    </message>
    <message>
        <source>Divisions and multiplications</source>
        <translation>تقسیم‌ها و ضرب‌ها</translation>
    </message>
    <message>
        <source>each value is divided by its norm and multiplied by its scale</source>
        <translation>هر مقدار بر نُرم خود تقسیم و در ضریب مقیاسش ضرب می‌شود</translation>
    </message>
    <message>
        <source>PriorBox</source>
        <translation>جعبه‌های پیش‌فرض (PriorBox)</translation>
    </message>
    <message>
        <source>PriorBox would produce too many boxes</source>
        <translation>PriorBox جعبه‌های بیش از اندازه‌ای تولید می‌کند</translation>
    </message>
    <message>
        <source>Output length</source>
        <translation>طول خروجی</translation>
    </message>
    <message>
        <source>four corners for every box of every position; a second row holds the four variances</source>
        <translation>چهار گوشه برای هر جعبه در هر موقعیت؛ سطر دوم چهار واریانس را نگه می‌دارد</translation>
    </message>
    <message>
        <source>the boxes depend only on the sizes, not on the image: Caffe computes them without reading the data</source>
        <translation>جعبه‌ها فقط به اندازه‌ها بستگی دارند نه به تصویر: Caffe آن‌ها را بدون خواندن داده حساب می‌کند</translation>
    </message>
    <message>
        <source>DetectionOutput</source>
        <translation>خروجی آشکارسازی (DetectionOutput)</translation>
    </message>
    <message>
        <source>at most keep_top_k = %1 detections per image, 7 numbers each: image, class, score and the box corners</source>
        <translation>حداکثر keep_top_k = %1 آشکارسازی برای هر تصویر، هر کدام 7 عدد: تصویر، رده، امتیاز و گوشه‌های جعبه</translation>
    </message>
    <message>
        <source>Boxes decoded</source>
        <translation>جعبه‌های رمزگشایی‌شده</translation>
    </message>
    <message>
        <source>8 multiplications, 4 additions and 2 exponentials per box, as in Caffe&apos;s DecodeBBox</source>
        <translation>برای هر جعبه 8 ضرب، 4 جمع و 2 تابع نمایی، مانند DecodeBBox در Caffe</translation>
    </message>
    <message>
        <source>Overlap tests (at most)</source>
        <translation>آزمون‌های هم‌پوشانی (حداکثر)</translation>
    </message>
    <message>
        <source>non-maximum suppression compares every pair among the nms_top_k best boxes of a class; fewer when boxes are dropped early</source>
        <translation>حذف غیربیشینه (NMS) هر جفت از میان nms_top_k جعبهٔ برتر یک رده را مقایسه می‌کند؛ اگر جعبه‌ها زودتر کنار روند کمتر</translation>
    </message>
    <message>
        <source>ROIPooling</source>
        <translation>ادغام ناحیه (ROIPooling)</translation>
    </message>
    <message>
        <source>the regions input of ROIPooling must be R×5 (image index and four corners), not %1</source>
        <translation>ورودی ناحیه‌های ROIPooling باید R×5 باشد (شمارهٔ تصویر و چهار گوشه)، نه %1</translation>
    </message>
    <message>
        <source>one pooled_h × pooled_w grid per region and channel; the number of regions is a setting (Faster R-CNN keeps 300 proposals at test time)</source>
        <translation>یک شبکهٔ pooled_h × pooled_w برای هر ناحیه و کانال؛ شمار ناحیه‌ها یک تنظیم است (Faster R-CNN در زمان آزمون 300 پیشنهاد نگه می‌دارد)</translation>
    </message>
    <message>
        <source>Comparisons (estimate)</source>
        <translation>مقایسه‌ها (تخمینی)</translation>
    </message>
    <message>
        <source>a maximum over each bin, taking a region as large as the feature map; real regions are usually smaller</source>
        <translation>یک بیشینه روی هر خانه، با فرض ناحیه‌ای به بزرگی نقشهٔ ویژگی؛ ناحیه‌های واقعی معمولاً کوچک‌ترند</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>توان (Power)</translation>
    </message>
    <message>
        <source>scalings</source>
        <translation>مقیاس‌دهی</translation>
    </message>
    <message>
        <source>shifts</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>powers</source>
        <translation>توان</translation>
    </message>
    <message>
        <source>y = (shift + scale · x)^power for every value; a scale of 1, a shift of 0 or a power of 1 costs nothing, a power of 2 is one multiplication</source>
        <translation>برای هر مقدار y = (shift + scale · x)^power؛ مقیاس 1، جابه‌جایی 0 یا توان 1 هزینه‌ای ندارد و توان 2 یک ضرب است</translation>
    </message>
    <message>
        <source>ArgMax</source>
        <translation>ArgMax</translation>
    </message>
    <message>
        <source>top_k %1 is larger than the %2 values of a sample</source>
        <translation>top_k برابر %1 از %2 مقدار یک نمونه بزرگ‌تر است</translation>
    </message>
    <message>
        <source>ArgMax axis %1 does not exist in %2</source>
        <translation>محور %1 برای ArgMax در %2 وجود ندارد</translation>
    </message>
    <message>
        <source>top_k %1 is larger than axis %2 (%3)</source>
        <translation>top_k برابر %1 از محور %2 (%3) بزرگ‌تر است</translation>
    </message>
    <message>
        <source>one scan per group for the largest value; a partial sort for the top k</source>
        <translation>یک پیمایش در هر گروه برای بزرگ‌ترین مقدار؛ مرتب‌سازی جزئی برای k مقدار برتر</translation>
    </message>
    <message>
        <source>Caffe&apos;s Crop, as in FCN: cuts the first input to the size of the second from an axis on (2: height and width), starting at an offset. Copies values; computes nothing.</source>
        <translation>لایهٔ Crop در Caffe، مانند FCN: ورودی اول را از یک محور به بعد (2: ارتفاع و عرض) از یک جابه‌جایی به اندازهٔ ورودی دوم می‌بُرد. مقدارها را کپی می‌کند و چیزی حساب نمی‌کند.</translation>
    </message>
    <message>
        <source>First dimension cropped; later ones are cropped too</source>
        <translation>نخستین بعدی که بریده می‌شود؛ بعدهای پس از آن هم بریده می‌شوند</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>Where the cut starts in each cropped axis</source>
        <translation>جایی که برش در هر محور بریده‌شده آغاز می‌شود</translation>
    </message>
    <message>
        <source>L2Norm</source>
        <translation>L2Norm</translation>
    </message>
    <message>
        <source>SSD&apos;s Normalize: divides the values by their L2 norm (over the channels at each position, or over the whole sample) and multiplies by a learned scale, one per channel unless shared. SSD uses it on conv4_3, whose values are much larger than later ones.</source>
        <translation>لایهٔ Normalize در SSD: مقدارها را بر نُرم L2 آن‌ها (روی کانال‌ها در هر موقعیت، یا روی کل نمونه) تقسیم و در یک ضریب آموختنی ضرب می‌کند، یکی برای هر کانال مگر آنکه مشترک باشد. SSD آن را روی conv4_3 به کار می‌برد که مقدارهایش بسیار بزرگ‌تر از لایه‌های بعدی است.</translation>
    </message>
    <message>
        <source>Across positions</source>
        <translation>روی همهٔ موقعیت‌ها</translation>
    </message>
    <message>
        <source>One norm per sample instead of one per position</source>
        <translation>یک نُرم برای هر نمونه به جای یکی برای هر موقعیت</translation>
    </message>
    <message>
        <source>Shared scale</source>
        <translation>ضریب مشترک</translation>
    </message>
    <message>
        <source>One scale for all channels instead of one per channel</source>
        <translation>یک ضریب برای همهٔ کانال‌ها به جای یکی برای هر کانال</translation>
    </message>
    <message>
        <source>Added to the sum of squares</source>
        <translation>به مجموع مربع‌ها افزوده می‌شود</translation>
    </message>
    <message>
        <source>Prior</source>
        <translation>Prior</translation>
    </message>
    <message>
        <source>SSD&apos;s default boxes for one feature map: for every position, boxes of the minimum size in each aspect ratio and one between the minimum and maximum size. Output 1 × 2 × (H · W · priors · 4): corners and variances. Reads only sizes; no learned parameters.</source>
        <translation>جعبه‌های پیش‌فرض SSD برای یک نقشهٔ ویژگی: در هر موقعیت، جعبه‌هایی به اندازهٔ کمینه در هر نسبت ابعاد و یکی میان اندازهٔ کمینه و بیشینه. خروجی 1 × 2 × (H · W · priors · 4): گوشه‌ها و واریانس‌ها. فقط اندازه‌ها را می‌خواند؛ پارامتر آموختنی ندارد.</translation>
    </message>
    <message>
        <source>Boxes per position</source>
        <translation>جعبه در هر موقعیت</translation>
    </message>
    <message>
        <source>Aspect ratios (1 and each ratio, with its inverse when flipped) times minimum sizes, plus the maximum sizes</source>
        <translation>نسبت‌های ابعاد (1 و هر نسبت، با وارونش اگر flip باشد) ضرب در اندازه‌های کمینه، به‌اضافهٔ اندازه‌های بیشینه</translation>
    </message>
    <message>
        <source>Minimum size</source>
        <translation>اندازهٔ کمینه</translation>
    </message>
    <message>
        <source>Side of the smallest box, in input pixels</source>
        <translation>ضلع کوچک‌ترین جعبه، به پیکسل ورودی</translation>
    </message>
    <message>
        <source>Maximum size</source>
        <translation>اندازهٔ بیشینه</translation>
    </message>
    <message>
        <source>Side of the largest box; 0 when none</source>
        <translation>ضلع بزرگ‌ترین جعبه؛ 0 اگر نباشد</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>SSD&apos;s last layer: decodes the predicted offsets into boxes around the priors, keeps the confident ones, removes overlapping boxes of a class (non-maximum suppression) and returns at most keep_top_k detections per image. Inputs: locations, confidences, priors.</source>
        <translation>آخرین لایهٔ SSD: جابه‌جایی‌های پیش‌بینی‌شده را به جعبه‌هایی پیرامون جعبه‌های پیش‌فرض رمزگشایی می‌کند، جعبه‌های مطمئن را نگه می‌دارد، جعبه‌های هم‌پوشان یک رده را حذف می‌کند (NMS) و حداکثر keep_top_k آشکارسازی برای هر تصویر برمی‌گرداند. ورودی‌ها: مکان‌ها، اطمینان‌ها، جعبه‌های پیش‌فرض.</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>رده‌ها</translation>
    </message>
    <message>
        <source>Classes including the background</source>
        <translation>رده‌ها، با پس‌زمینه</translation>
    </message>
    <message>
        <source>Kept per image</source>
        <translation>نگه‌داشته در هر تصویر</translation>
    </message>
    <message>
        <source>Detections kept per image at most</source>
        <translation>حداکثر آشکارسازی‌های نگه‌داشته برای هر تصویر</translation>
    </message>
    <message>
        <source>Boxes per class into NMS</source>
        <translation>جعبه‌های هر رده در NMS</translation>
    </message>
    <message>
        <source>Best boxes of each class that suppression compares</source>
        <translation>جعبه‌های برتر هر رده که حذف غیربیشینه مقایسه می‌کند</translation>
    </message>
    <message>
        <source>RoIPool</source>
        <translation>RoIPool</translation>
    </message>
    <message>
        <source>Fast and Faster R-CNN&apos;s region pooling: max-pools each proposed region of the feature map to a fixed grid, so the layers after it see one pooled_h × pooled_w map per region. The number of regions changes with the image; papers assume 300 at test time.</source>
        <translation>ادغام ناحیه در Fast و Faster R-CNN: هر ناحیهٔ پیشنهادی نقشهٔ ویژگی را با ادغام بیشینه به یک شبکهٔ ثابت می‌برد، تا لایه‌های بعدی برای هر ناحیه یک نقشهٔ pooled_h × pooled_w ببینند. شمار ناحیه‌ها با تصویر تغییر می‌کند؛ مقاله‌ها در زمان آزمون 300 فرض می‌کنند.</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>ناحیه‌ها</translation>
    </message>
    <message>
        <source>Regions pooled per batch (the output&apos;s first dimension)</source>
        <translation>ناحیه‌های ادغام‌شده در هر دسته (بعد اول خروجی)</translation>
    </message>
    <message>
        <source>Pooled height</source>
        <translation>ارتفاع ادغام</translation>
    </message>
    <message>
        <source>Rows of the grid</source>
        <translation>سطرهای شبکه</translation>
    </message>
    <message>
        <source>Pooled width</source>
        <translation>عرض ادغام</translation>
    </message>
    <message>
        <source>Columns of the grid</source>
        <translation>ستون‌های شبکه</translation>
    </message>
    <message>
        <source>Spatial scale</source>
        <translation>مقیاس مکانی</translation>
    </message>
    <message>
        <source>Feature-map pixels per input pixel (1/16 for VGG16&apos;s conv5_3)</source>
        <translation>پیکسل نقشهٔ ویژگی به ازای هر پیکسل ورودی (1/16 برای conv5_3 در VGG16)</translation>
    </message>
    <message>
        <source>Pow</source>
        <translation>Pow</translation>
    </message>
    <message>
        <source>Caffe&apos;s Power: y = (shift + scale · x)^power for every value.</source>
        <translation>لایهٔ Power در Caffe: برای هر مقدار y = (shift + scale · x)^power.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>مقیاس</translation>
    </message>
    <message>
        <source>Multiplies x first</source>
        <translation>نخست در x ضرب می‌شود</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>Added after the scaling</source>
        <translation>پس از مقیاس‌دهی افزوده می‌شود</translation>
    </message>
    <message>
        <source>Caffe&apos;s ArgMax: the indices (and, if asked, the values) of the top_k largest values of each sample, or along one axis, e.g. the predicted class of every pixel in segmentation.</source>
        <translation>لایهٔ ArgMax در Caffe: شماره‌ها (و در صورت خواست، مقدارهای) top_k بزرگ‌ترین مقدار هر نمونه، یا در امتداد یک محور، مثلاً ردهٔ پیش‌بینی‌شدهٔ هر پیکسل در بخش‌بندی.</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>k برتر</translation>
    </message>
    <message>
        <source>How many of the largest values</source>
        <translation>چند تا از بزرگ‌ترین مقدارها</translation>
    </message>
    <message>
        <source>Output values too</source>
        <translation>مقدارها هم در خروجی</translation>
    </message>
    <message>
        <source>Without an axis: return the values beside the indices</source>
        <translation>بدون محور: مقدارها را کنار شماره‌ها برمی‌گرداند</translation>
    </message>
    <message>
        <source>Along one axis</source>
        <translation>در امتداد یک محور</translation>
    </message>
    <message>
        <source>Search along the axis below instead of the whole sample</source>
        <translation>جست‌وجو در امتداد محور زیر به جای کل نمونه</translation>
    </message>
    <message>
        <source>Axis searched (1: channels)</source>
        <translation>محور جست‌وجو (1: کانال‌ها)</translation>
    </message>
    <message>
        <source>Sizes: every piece needs at least 1 (one -1 takes the rest)</source>
        <translation>اندازه‌ها: هر تکه دست‌کم ۱ لازم دارد (یک -1 باقی‌مانده را می‌گیرد)</translation>
    </message>
    <message>
        <source>the sizes add up to %1 and leave nothing for -1: dimension %2 of %3 has %4</source>
        <translation>جمع اندازه‌ها %1 است و چیزی برای -1 نمی‌ماند: بعد %2 از %3 اندازه %4 دارد</translation>
    </message>
    <message>
        <source>Size of each piece, adding up to the axis (one -1 takes the rest); empty: equal parts</source>
        <translation>اندازهٔ هر تکه، که جمعشان اندازهٔ محور است (یک -1 باقی‌مانده را می‌گیرد)؛ خالی: تکه‌های برابر</translation>
    </message>
    <message>
        <source>the block has no parts</source>
        <translation>بلوک هیچ بخشی ندارد</translation>
    </message>
    <message>
        <source>part %1: unknown layer type %2</source>
        <translation>بخش %1: نوع لایهٔ ناشناختهٔ %2</translation>
    </message>
    <message>
        <source>part %1: %2</source>
        <translation>بخش %1: %2</translation>
    </message>
    <message>
        <source>the block has no input: connect a layer to it</source>
        <translation>بلوک ورودی ندارد: لایه‌ای را به آن وصل کنید</translation>
    </message>
    <message>
        <source>part %1 reads a part that comes after it</source>
        <translation>بخش %1 از بخشی می‌خواند که بعد از آن می‌آید</translation>
    </message>
    <message>
        <source>inside the block, %1: %2</source>
        <translation>درون بلوک، %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a composite block</source>
        <translation>%1 بلوک مرکب نیست</translation>
    </message>
    <message>
        <source>%1 has no shape yet: connect its input and fix its errors before expanding it</source>
        <translation>%1 هنوز شکل ندارد: پیش از باز کردنش ورودی‌اش را وصل و خطاهایش را رفع کنید</translation>
    </message>
    <message>
        <source>%1 operations</source>
        <translation>%1 عمل</translation>
    </message>
    <message>
        <source>the block&apos;s MACs are the sum of the terms above</source>
        <translation>MACهای بلوک جمع جمله‌های بالا است</translation>
    </message>
    <message>
        <source>weights and biases of the block&apos;s parts; &quot;Expand into layers&quot; shows each part</source>
        <translation>وزن‌ها و بایاس‌های بخش‌های بلوک؛ «باز کردن به لایه‌ها» هر بخش را نشان می‌دهد</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>بلوک‌ها</translation>
    </message>
    <message>
        <source>Squeeze-and-excitation</source>
        <translation>فشرده‌سازی و برانگیختگی (SE)</translation>
    </message>
    <message>
        <source>Squeeze (global average)</source>
        <translation>فشرده‌سازی (میانگین سراسری)</translation>
    </message>
    <message>
        <source>one mean per channel: %1 values become 1, so the two layers after it work on a 1×1 map</source>
        <translation>یک میانگین برای هر کانال: %1 مقدار یکی می‌شود، پس دو لایهٔ بعدی روی نقشهٔ ۱×۱ کار می‌کنند</translation>
    </message>
    <message>
        <source>Reduce %1 → %2</source>
        <translation>کاهش %1 ← %2</translation>
    </message>
    <message>
        <source>a 1×1 convolution on a 1×1 map: %1 × %2 MACs, not %3 times that as on the full image</source>
        <translation>کانولوشن ۱×۱ روی نقشهٔ ۱×۱: %1 × %2 MAC، نه %3 برابر آن مانند روی تصویر کامل</translation>
    </message>
    <message>
        <source>Expand %1 → %2</source>
        <translation>گسترش %1 ← %2</translation>
    </message>
    <message>
        <source>back to one weight per channel</source>
        <translation>بازگشت به یک وزن برای هر کانال</translation>
    </message>
    <message>
        <source>each channel of the input is multiplied by its gate: one multiplication per value, no MACs</source>
        <translation>هر کانال ورودی در دروازه‌اش ضرب می‌شود: یک ضرب برای هر مقدار، بدون MAC</translation>
    </message>
    <message>
        <source>Multi-head attention</source>
        <translation>توجه چندسر</translation>
    </message>
    <message>
        <source>Multi-head attention needs tokens N×L×D (a batch of sequences), but its input is %1</source>
        <translation>توجه چندسر توکن‌های N×L×D (دسته‌ای از دنباله‌ها) می‌خواهد، اما ورودی‌اش %1 است</translation>
    </message>
    <message>
        <source>Multi-head attention splits the %1 features of each token into %2 heads, but %1 is not a multiple of %2</source>
        <translation>توجه چندسر %1 ویژگی هر توکن را میان %2 سر تقسیم می‌کند، اما %1 مضربی از %2 نیست</translation>
    </message>
    <message>
        <source>a Linear layer on each of the %1 tokens: %1 × %2 × %2, like a 1×1 convolution; grows linearly with the tokens</source>
        <translation>یک لایهٔ خطی روی هر یک از %1 توکن: %1 × %2 × %2، مانند کانولوشن ۱×۱؛ با تعداد توکن‌ها خطی رشد می‌کند</translation>
    </message>
    <message>
        <source>Q projection</source>
        <translation>تصویر Q</translation>
    </message>
    <message>
        <source>K projection</source>
        <translation>تصویر K</translation>
    </message>
    <message>
        <source>V projection</source>
        <translation>تصویر V</translation>
    </message>
    <message>
        <source>Q·Kᵀ</source>
        <translation>Q·Kᵀ</translation>
    </message>
    <message>
        <source>every token scores every token, in each of %1 heads: %1 × %2 × %2 × %3, which grows with the square of the token count %2</source>
        <translation>هر توکن به همهٔ توکن‌ها امتیاز می‌دهد، در هر یک از %1 سر: %1 × %2 × %2 × %3، که با مربع تعداد توکن‌ها (%2) رشد می‌کند</translation>
    </message>
    <message>
        <source>an exponential, an addition and a division for each of the %1 × %2 × %2 scores: also L²</source>
        <translation>یک نمایی، یک جمع و یک تقسیم برای هر یک از %1 × %2 × %2 امتیاز: این هم L²</translation>
    </message>
    <message>
        <source>A·V</source>
        <translation>A·V</translation>
    </message>
    <message>
        <source>each token&apos;s output is a weighted sum of all %1 value vectors: again %2 × %1 × %1 × %3, L²</source>
        <translation>خروجی هر توکن جمع وزن‌دار همهٔ %1 بردار مقدار است: باز %2 × %1 × %1 × %3، یعنی L²</translation>
    </message>
    <message>
        <source>Output projection</source>
        <translation>تصویر خروجی</translation>
    </message>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n سر</numerusform>
        </translation>
    </message>
    <message>
        <source>Patch embedding</source>
        <translation>جاسازی وصله‌ها</translation>
    </message>
    <message>
        <source>the %1×%2 image does not divide into %3×%3 patches: height and width must be multiples of %3</source>
        <translation>تصویر %1×%2 به وصله‌های %3×%3 تقسیم نمی‌شود: ارتفاع و عرض باید مضرب %3 باشند</translation>
    </message>
    <message>
        <source>Patch projection</source>
        <translation>تصویر وصله‌ها</translation>
    </message>
    <message>
        <source>a %1×%1 convolution with stride %1: each of the %2 patches is seen once, %1 × %1 × %3 inputs per feature</source>
        <translation>کانولوشن %1×%1 با گام %1: هر یک از %2 وصله یک بار دیده می‌شود، %1 × %1 × %3 ورودی برای هر ویژگی</translation>
    </message>
    <message>
        <source>SE</source>
        <translation>SE</translation>
    </message>
    <message>
        <source>Squeeze-and-excitation (torchvision.ops.SqueezeExcitation): a global average per channel, a 1×1 convolution down to the squeeze channels, an activation, a 1×1 convolution back, a gate (sigmoid), and the input scaled channel by channel. The two convolutions run on a 1×1 map, so the block costs 2 × C × S MACs: almost nothing next to the convolutions around it. Expand it to see the parts.</source>
        <translation>فشرده‌سازی و برانگیختگی (torchvision.ops.SqueezeExcitation): یک میانگین سراسری برای هر کانال، یک کانولوشن ۱×۱ تا کانال‌های فشرده، یک تابع فعال‌سازی، یک کانولوشن ۱×۱ برای بازگشت، یک دروازه (سیگموید)، و ورودی که کانال به کانال مقیاس می‌خورد. دو کانولوشن روی نقشهٔ ۱×۱ اجرا می‌شوند، پس هزینهٔ بلوک 2 × C × S MAC است: در کنار کانولوشن‌های اطرافش تقریباً هیچ. برای دیدن بخش‌ها آن را باز کنید.</translation>
    </message>
    <message>
        <source>Squeeze channels</source>
        <translation>کانال‌های فشرده</translation>
    </message>
    <message>
        <source>Channels in the middle; 0: input channels / reduction</source>
        <translation>کانال‌های میانی؛ ۰: کانال‌های ورودی تقسیم بر ضریب کاهش</translation>
    </message>
    <message>
        <source>Reduction</source>
        <translation>ضریب کاهش</translation>
    </message>
    <message>
        <source>Divides the input channels when squeeze channels is 0</source>
        <translation>وقتی کانال‌های فشرده ۰ است، کانال‌های ورودی را تقسیم می‌کند</translation>
    </message>
    <message>
        <source>After the first 1×1 convolution</source>
        <translation>پس از نخستین کانولوشن ۱×۱</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>دروازه</translation>
    </message>
    <message>
        <source>The scale activation: Sigmoid, or HardSigmoid as in MobileNetV3</source>
        <translation>فعال‌سازی مقیاس: سیگموید، یا HardSigmoid مانند MobileNetV3</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>توجه</translation>
    </message>
    <message>
        <source>Multi-head self-attention over N×L×D tokens (nn.MultiheadAttention, batch first): Q, K and V projections (three Linear layers D → D), scores Q·Kᵀ in each head, softmax, the weighted sum A·V, and an output projection. The projections grow linearly with the token count L; Q·Kᵀ, the softmax and A·V grow with L². The embedding size D is the input&apos;s last dimension.</source>
        <translation>خودتوجهی چندسر روی توکن‌های N×L×D (nn.MultiheadAttention، دسته در بُعد اول): تصویرهای Q، K و V (سه لایهٔ خطی D ← D)، امتیازهای Q·Kᵀ در هر سر، سافت‌مکس، جمع وزن‌دار A·V و یک تصویر خروجی. تصویرها با تعداد توکن‌ها (L) خطی رشد می‌کنند؛ Q·Kᵀ، سافت‌مکس و A·V با L² رشد می‌کنند. اندازهٔ جاسازی D بُعد آخر ورودی است.</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>سرها</translation>
    </message>
    <message>
        <source>Number of attention heads; the features must divide by it</source>
        <translation>تعداد سرهای توجه؛ ویژگی‌ها باید بر آن بخش‌پذیر باشند</translation>
    </message>
    <message>
        <source>Biases in the four projections</source>
        <translation>بایاس در چهار تصویر</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>وصله‌ها</translation>
    </message>
    <message>
        <source>Cuts the image into P×P patches and maps each to a D-dimensional token, as the Vision Transformer does: a P×P convolution with stride P (torchvision&apos;s conv_proj), then flattened to N×L×D with L = (H / P) × (W / P) tokens.</source>
        <translation>تصویر را به وصله‌های P×P می‌بُرد و هر وصله را به توکنی D بُعدی می‌نگارد، همان‌طور که ترنسفورمر بینایی (ViT) می‌کند: کانولوشن P×P با گام P (conv_proj در torchvision)، سپس تخت‌شده به N×L×D با L = (H / P) × (W / P) توکن.</translation>
    </message>
    <message>
        <source>Patch size</source>
        <translation>اندازهٔ وصله</translation>
    </message>
    <message>
        <source>Height and width of one patch</source>
        <translation>ارتفاع و عرض یک وصله</translation>
    </message>
    <message>
        <source>Embedding size</source>
        <translation>اندازهٔ جاسازی</translation>
    </message>
    <message>
        <source>Features per token (D)</source>
        <translation>ویژگی‌های هر توکن (D)</translation>
    </message>
    <message>
        <source>Add a learned bias per feature</source>
        <translation>افزودن یک بایاس آموختنی برای هر ویژگی</translation>
    </message>
    <message>
        <source>Constant value</source>
        <translation>مقدار ثابت</translation>
    </message>
    <message>
        <source>The constant operand when it is one number (attention&apos;s 1/√d scale), used by the PyTorch export; 0: not known</source>
        <translation>عملوند ثابت وقتی یک عدد است (مقیاس 1/√d در توجه)، که خروجی PyTorch از آن استفاده می‌کند؛ ۰: نامعلوم</translation>
    </message>
    <message>
        <source>Relative position bias</source>
        <translation>بایاس موقعیت نسبی</translation>
    </message>
    <message>
        <source>a learned bias per head and relative offset, added to every score</source>
        <translation>یک بایاس آموختنی برای هر سر و هر جابه‌جایی نسبی، که به هر امتیاز افزوده می‌شود</translation>
    </message>
    <message>
        <source>Window attention</source>
        <translation>توجه پنجره‌ای</translation>
    </message>
    <message>
        <source>Window attention needs a channels-last map N×H×W×C (Swin permutes the image first), but its input is %1</source>
        <translation>توجه پنجره‌ای نقشه‌ای با کانال‌ها در آخر (N×H×W×C) می‌خواهد (Swin اول تصویر را جابه‌جا می‌کند)، اما ورودی‌اش %1 است</translation>
    </message>
    <message>
        <source>Window attention splits the %1 channels into %2 heads, but %1 is not a multiple of %2</source>
        <translation>توجه پنجره‌ای %1 کانال را میان %2 سر تقسیم می‌کند، اما %1 مضربی از %2 نیست</translation>
    </message>
    <message>
        <source>the shift (%1) must be smaller than the window (%2)</source>
        <translation>جابه‌جایی (%1) باید از پنجره (%2) کوچک‌تر باشد</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>پنجره‌ها</translation>
    </message>
    <message>
        <source>%1 × %2 windows of %3 × %3 = %4 tokens in each of %5 images: attention runs inside each window, so its L × L is %4 × %4, not %6 × %6</source>
        <translation>%1 × %2 پنجره از %3 × %3 = %4 توکن در هر یک از %5 تصویر: توجه درون هر پنجره اجرا می‌شود، پس L × L آن %4 × %4 است، نه %6 × %6</translation>
    </message>
    <message>
        <source>only unshifted windows that tile the map exactly can be expanded: Naqsh has no layer for the padding and the cyclic shift (torch.roll)</source>
        <translation>فقط پنجره‌های بدون جابه‌جایی که نقشه را دقیقاً می‌پوشانند باز می‌شوند: نقش لایه‌ای برای لایه‌گذاری صفر و جابه‌جایی چرخشی (torch.roll) ندارد</translation>
    </message>
    <message>
        <source>the map is padded with zeros to whole windows; the padding is computed too</source>
        <translation>نقشه با صفر تا پنجره‌های کامل پر می‌شود؛ بخش پرشده هم محاسبه می‌شود</translation>
    </message>
    <message>
        <source>Shift mask</source>
        <translation>ماسک جابه‌جایی</translation>
    </message>
    <message>
        <source>shifted windows mix regions that were not neighbours: a mask is added to every score</source>
        <translation>پنجره‌های جابه‌جاشده ناحیه‌هایی را که همسایه نبودند کنار هم می‌گذارند: یک ماسک به هر امتیاز افزوده می‌شود</translation>
    </message>
    <message>
        <source>MACs per window × windows (%1 per image)</source>
        <translation>MAC هر پنجره × تعداد پنجره‌ها (%1 در هر تصویر)</translation>
    </message>
    <message>
        <source>Q, K, V and output projections, and (2 × %1 − 1)² × %2 relative position biases</source>
        <translation>تصویرهای Q، K، V و خروجی، و (2 × %1 − 1)² × %2 بایاس موقعیت نسبی</translation>
    </message>
    <message>
        <source>Swin Transformer&apos;s (shifted) window attention (torchvision&apos;s ShiftedWindowAttention) on a channels-last map N×H×W×C: the map is cut into windows of W×W positions and multi-head attention runs inside each window, with a learned relative position bias. The cost is the cost per window times the number of windows, so it grows linearly with the image area instead of with its square. A shift moves the windows by a few positions (torch.roll) so that neighbouring windows exchange information.</source>
        <translation>توجه پنجره‌ای (جابه‌جاشده) ترنسفورمر Swin (ShiftedWindowAttention در torchvision) روی نقشه‌ای با کانال‌ها در آخر (N×H×W×C): نقشه به پنجره‌های W×W بریده می‌شود و توجه چندسر درون هر پنجره، با یک بایاس موقعیت نسبی آموختنی، اجرا می‌شود. هزینه برابر هزینهٔ هر پنجره ضرب در تعداد پنجره‌ها است، پس با مساحت تصویر خطی رشد می‌کند نه با مربع آن. جابه‌جایی، پنجره‌ها را چند موقعیت جابه‌جا می‌کند (torch.roll) تا پنجره‌های همسایه اطلاعات مبادله کنند.</translation>
    </message>
    <message>
        <source>Window size</source>
        <translation>اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Height and width of a window</source>
        <translation>ارتفاع و عرض یک پنجره</translation>
    </message>
    <message>
        <source>Cyclic shift of the windows (Swin: half the window in every second block; 0: none)</source>
        <translation>جابه‌جایی چرخشی پنجره‌ها (Swin: نصف پنجره در هر بلوک دوم؛ ۰: هیچ)</translation>
    </message>
    <message>
        <source>Number of attention heads; the channels must divide by it</source>
        <translation>تعداد سرهای توجه؛ کانال‌ها باید بر آن بخش‌پذیر باشند</translation>
    </message>
    <message>
        <source>Biases in the QKV and output projections</source>
        <translation>بایاس در تصویرهای QKV و خروجی</translation>
    </message>
    <message>
        <source>%1 needs tokens N×L×D (a batch of sequences of L tokens with D features), but its input is %2</source>
        <translation>%1 ورودی توکنی N×L×D می‌خواهد (دسته‌ای از دنباله‌های L توکنی، هر توکن با D ویژگی)، اما ورودی‌اش %2 است</translation>
    </message>
    <message>
        <source>Class token</source>
        <translation>توکن کلاس</translation>
    </message>
    <message numerus="yes">
        <source>%n learned token(s) put before the L tokens of every image (torch.cat along the token axis)</source>
        <translation>
            <numerusform>%n توکن آموخته پیش از L توکن هر تصویر (torch.cat در امتداد محور توکن‌ها)</numerusform>
        </translation>
    </message>
    <message>
        <source>one learned vector of D features per token, shared by the whole batch</source>
        <translation>برای هر توکن یک بردار آموختهٔ D ویژگی، مشترک میان همهٔ نمونه‌های دسته</translation>
    </message>
    <message>
        <source>values are only copied; the classifier later reads this token&apos;s output</source>
        <translation>مقادیر فقط رونوشت می‌شوند؛ دسته‌بند در پایان خروجی همین توکن را می‌خواند</translation>
    </message>
    <message>
        <source>Position embedding</source>
        <translation>جاسازی مکان</translation>
    </message>
    <message>
        <source>the same shape: each token gets the learned vector of its position added</source>
        <translation>همان شکل: به هر توکن بردار آموختهٔ مکانش افزوده می‌شود</translation>
    </message>
    <message>
        <source>one learned vector of D features per position L (including the class token), shared by the batch</source>
        <translation>برای هر یک از L مکان (توکن کلاس هم) یک بردار آموختهٔ D ویژگی، مشترک میان نمونه‌های دسته</translation>
    </message>
    <message>
        <source>one addition per output value</source>
        <translation>یک جمع برای هر مقدار خروجی</translation>
    </message>
    <message>
        <source>Puts a learned token before the patch tokens, as the Vision Transformer does (torchvision&apos;s class_token, concatenated along the token axis): N×L×D becomes N×(L+1)×D. It has D parameters and no multiply-accumulates; after the encoder the classifier reads only this token&apos;s output.</source>
        <translation>یک توکن آموخته را پیش از توکن‌های وصله‌ها می‌گذارد، همان کاری که ترنسفورمر بینایی می‌کند (class_token در torchvision که در امتداد محور توکن‌ها الحاق می‌شود): N×L×D به N×(L+1)×D تبدیل می‌شود. D پارامتر دارد و هیچ ضرب‌وجمعی ندارد؛ پس از رمزگذار، دسته‌بند فقط خروجی همین توکن را می‌خواند.</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>توکن‌ها</translation>
    </message>
    <message>
        <source>Learned tokens put before the sequence (ViT: 1; DeiT adds a distillation token: 2)</source>
        <translation>تعداد توکن‌های آموخته‌ای که پیش از دنباله گذاشته می‌شوند (ViT: ۱؛ DeiT یک توکن تقطیر هم می‌افزاید: ۲)</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>مکان‌ها</translation>
    </message>
    <message>
        <source>Adds a learned vector to each token according to its position, as the Vision Transformer does (torchvision&apos;s pos_embedding, 1×L×D): attention itself does not know where a token came from. L·D parameters (one vector per position, the class token included) and one addition per value.</source>
        <translation>به هر توکن بر اساس مکانش یک بردار آموخته می‌افزاید، همان کاری که ترنسفورمر بینایی می‌کند (pos_embedding در torchvision با شکل 1×L×D): خودِ توجه نمی‌داند هر توکن از کجا آمده است. L·D پارامتر (یک بردار برای هر مکان، توکن کلاس هم) و یک جمع برای هر مقدار.</translation>
    </message>
    <message>
        <source>summing k squares takes k − 1 additions</source>
        <translation>جمع k مربع به k − 1 جمع نیاز دارد</translation>
    </message>
    <message>
        <source>every input value is squared</source>
        <translation>هر مقدار ورودی به توان دو می‌رسد</translation>
    </message>
    <message>
        <source>one square root per output value</source>
        <translation>یک جذر برای هر مقدار خروجی</translation>
    </message>
    <message>
        <source>ReduceL2</source>
        <translation>ReduceL2</translation>
    </message>
    <message>
        <source>Euclidean (L2) norm over the chosen dimensions, √(Σ x²): k values cost k multiplications, k − 1 additions and one square root. Swin V2&apos;s cosine attention divides queries and keys by it (F.normalize).</source>
        <translation>نُرم اقلیدسی (L2) روی بُعدهای انتخاب‌شده، √(Σ x²): k مقدار k ضرب، k − 1 جمع و یک جذر هزینه دارد. توجه کسینوسی Swin V2 پرس‌وجوها و کلیدها را بر آن تقسیم می‌کند (F.normalize).</translation>
    </message>
    <message>
        <source>Clamp</source>
        <translation>Clamp</translation>
    </message>
    <message>
        <source>min(max(x, low), high) per value (PyTorch&apos;s clamp, ONNX Clip): one comparison per value for each bound that is set. F.normalize clamps a norm to at least 1e-12 so that it never divides by zero.</source>
        <translation>min(max(x, low), high) برای هر مقدار (clamp در PyTorch، Clip در ONNX): برای هر کرانی که تعیین شده یک مقایسه به ازای هر مقدار. F.normalize نُرم را دست‌کم 1e-12 نگه می‌دارد تا هرگز بر صفر تقسیم نکند.</translation>
    </message>
    <message>
        <source>Lower bound</source>
        <translation>کران پایین</translation>
    </message>
    <message>
        <source>Raise values below the minimum to it</source>
        <translation>مقدارهای کمتر از کمینه را به آن بالا می‌برد</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>کمینه</translation>
    </message>
    <message>
        <source>Smallest value let through</source>
        <translation>کوچک‌ترین مقداری که عبور می‌کند</translation>
    </message>
    <message>
        <source>Upper bound</source>
        <translation>کران بالا</translation>
    </message>
    <message>
        <source>Lower values above the maximum to it</source>
        <translation>مقدارهای بیشتر از بیشینه را به آن پایین می‌آورد</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>بیشینه</translation>
    </message>
    <message>
        <source>Largest value let through</source>
        <translation>بزرگ‌ترین مقداری که عبور می‌کند</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Expand</translation>
    </message>
    <message>
        <source>%1: at most %2 sizes</source>
        <translation>%1: حداکثر %2 اندازه</translation>
    </message>
    <message>
        <source>%1: size %2 is not allowed; every size must be at least 1</source>
        <translation>%1: اندازهٔ %2 مجاز نیست؛ هر اندازه باید دست‌کم ۱ باشد</translation>
    </message>
    <message>
        <source>Expand cannot broadcast %1 to the sizes %2 (dimension %3); each dimension must be equal, or 1 in one of them</source>
        <translation>Expand نمی‌تواند %1 را به اندازه‌های %2 گسترش دهد (بُعد %3)؛ هر بُعد باید برابر باشد یا در یکی از آن دو ۱ باشد</translation>
    </message>
    <message>
        <source>each value is repeated along the dimensions of size 1; no arithmetic</source>
        <translation>هر مقدار در امتداد بُعدهای با اندازهٔ ۱ تکرار می‌شود؛ بدون محاسبه</translation>
    </message>
    <message>
        <source>Repeats the values along dimensions of size 1 up to the given sizes (ONNX Expand, PyTorch&apos;s expand), by NumPy&apos;s broadcasting rule: 49×1×64×1 with the sizes 49, 1, 64, 32 gives 49×1×64×32, the norm of each vector once per feature before a division. No operations.</source>
        <translation>مقدارها را در امتداد بُعدهای با اندازهٔ ۱ تا اندازه‌های داده‌شده تکرار می‌کند (Expand در ONNX، expand در PyTorch)، با قاعدهٔ پخش (broadcasting) در NumPy: ‎49×1×64×1 با اندازه‌های 49, 1, 64, 32 می‌شود ‎49×1×64×32، یعنی نُرم هر بردار یک بار برای هر ویژگی پیش از یک تقسیم. بدون عملیات.</translation>
    </message>
    <message>
        <source>Sizes to broadcast to; a 1 keeps the input&apos;s size at that position</source>
        <translation>اندازه‌هایی که به آن‌ها گسترش می‌یابد؛ ۱ اندازهٔ ورودی را در آن جایگاه نگه می‌دارد</translation>
    </message>
    <message>
        <source>%1: %2 numbers for a tensor of rank %3, which needs %4 (the start of each dimension, then its end)</source>
        <translation>%1: %2 عدد برای تانسوری با رتبهٔ %3، که %4 عدد لازم دارد (آغاز هر بُعد، سپس پایان آن)</translation>
    </message>
    <message>
        <source>%1: %2 is not allowed; padding is at least 0</source>
        <translation>%1: %2 مجاز نیست؛ لایه‌گذاری دست‌کم ۰ است</translation>
    </message>
    <message>
        <source>Pad</source>
        <translation>Pad</translation>
    </message>
    <message>
        <source>each size grows by its start and end padding; the new values are zeros, no arithmetic</source>
        <translation>هر اندازه به اندازهٔ لایه‌گذاری آغاز و پایانش بزرگ می‌شود؛ مقدارهای تازه صفرند، بدون محاسبه</translation>
    </message>
    <message>
        <source>Adds zeros at the start and end of any dimensions of a tensor of any rank (ONNX Pad, PyTorch&apos;s F.pad): Swin pads its N×H×W×C feature map to whole windows, 28×28 to 32×32 for windows of 8. No operations.</source>
        <translation>در آغاز و پایان هر بُعدی از تانسوری با هر رتبه صفر می‌افزاید (Pad در ONNX، F.pad در PyTorch): Swin نقشهٔ ویژگی N×H×W×C خود را تا پنجره‌های کامل پر می‌کند، ‎28×28 به ‎32×32 برای پنجره‌های 8. بدون عملیات.</translation>
    </message>
    <message>
        <source>Zeros before each dimension, then after each dimension, as ONNX writes them: 0, 0, 0, 0, 0, 4, 4, 0 pads height and width of N×H×W×C by 4 at their ends</source>
        <translation>صفرهای پیش از هر بُعد، سپس پس از هر بُعد، به ترتیبی که ONNX می‌نویسد: 0, 0, 0, 0, 0, 4, 4, 0 ارتفاع و عرض N×H×W×C را در پایانشان ۴ تا لایه‌گذاری می‌کند</translation>
    </message>
</context>
</TS>
