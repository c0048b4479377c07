"""Kind `private-name`: private parties named where a report speaks of a case or a party are
found (jieba `nr` on the slot only), masked in every output; masked forms, organisations,
officials in their role and ordinary words stay silent; no slot, no jieba."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import SEEDS

from lawlint.cli import main
from lawlint.document import source
from lawlint.packs import schema
from lawlint.packs.ruleset import load_ruleset
from lawlint.pipeline import linter

# The rule as handed over for rules/national.yaml (LL703); here under a test id so that the
# test stands whether or not the pack already ships it.
RULE = r"""
name: names-test
version: '1'
rules:
  - id: XT703
    name: private-party-named
    severity: warning
    kind: private-name
    contexts:
      - {label: 诉讼案件, side: before, pattern: '(?:行政)?诉讼一?案'}
      - {label: 行政复议案件, side: before, pattern: '(?:行政)?复议一?案'}
      - {label: 诉讼案件, side: before, pattern: '(?<![起上申投胜败应公控告反自抗追])诉(?![讼求源前状权称说诸至])[^。;!?\n,、:]{2,40}?一?案(?![例卷])'}
      - {label: 案件, side: before, pattern: '一案(?![例卷])|案件'}
      - {label: 当事人, side: after, pattern: '(?:当事人|原告|第三人|(?<!被)申请人|被处罚人|投诉人|举报人|信访人|上诉人|申诉人|相对人|患者)[:]?'}
    surnames: 王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞柳祝包宁尚舒阮柯梅童凌毕季裴霍涂苗谷盛翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑晏瞿桂佟臧闵苟邬卞姬栾隋刁巫寇甄敖巩佘邝
    masked: '某|[×*＊xX○〇□]|先生|女士'
    public_role: '(?:局长|处长|科长|股长|所长|院长|主任|书记|区长|县长|市长|镇长|乡长|省长|厅长|部长|队长|站长|组长|委员|干部|同志|法官|检察官|律师|顾问|专家|代表|负责人|领导|执法人员|工作人员)$'
    organisation: '(?:公司|医院|卫生院|诊所|门诊|药店|药房|商店|商行|超市|餐馆|饭店|酒店|宾馆|中心|合作社|协会|学校|幼儿园|事务所|工作室|养殖场|厂|店|场|站)'
    message: 写到{label}时点出了个人姓名：向社会公开的报告不得点名私人当事人，宜写作“{masked}”
    basis: 《中华人民共和国个人信息保护法》第二十五条
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """The pack file, valid against the schema generated from the kinds' declarations (the
    shipped schema learns the kind when the rule lands in national.yaml)."""
    folder = tmp_path_factory.mktemp("names")
    with pytest.MonkeyPatch.context() as patch:
        shipped = schema.pack_schema
        patch.setattr(schema, "pack_schema", lambda name="pack": json.loads(
            schema.generated_pack_schema()) if name == "pack" else shipped(name))
        patch.setenv("LAWLINT_CACHE_DIR", str(folder / "cache"))
        path = folder / "names.yaml"
        path.write_text(RULE, encoding="utf-8")
        yield path


@pytest.fixture(scope="module")
def found(pack):
    """The names the rule finds in a text, with each finding's message."""
    ruleset = load_ruleset((str(pack),))

    def run(text: str) -> list[tuple[str, str]]:
        result = linter.lint_source(source.from_text(text + "\n", "r.txt"), ruleset)
        return [(text[d.offset:d.offset + len(d.excerpt)], d.message) for d in result.diagnostics]
    return run


@pytest.mark.parametrize("text, names, context", [
    ("经多次诉讼和调解，妥善解决了蔡国中行政诉讼案。", ["蔡国中"], "诉讼案件"),   # the seed's form
    ("办理张三诉某某区卫生健康局政府信息公开案，局长出庭应诉。", ["张三"], "诉讼案件"),
    ("原告刘德华诉区政府行政协议纠纷案已审结。", ["刘德华"], "诉讼案件"),   # the case name comes first
    ("依法办理李红梅行政复议案，维持原行政行为。", ["李红梅"], "行政复议案件"),
    ("妥善处理郭强一案，实现案结事了。", ["郭强"], "案件"),
    ("当事人王小明不服处罚决定，申请行政复议。", ["王小明"], "当事人"),
    ("申请人陈立新对我局作出的行政处罚决定不服。", ["陈立新"], "当事人"),
    ("原告：杨帆。", ["杨帆"], "当事人"),
    ("被处罚人周杰已按期缴纳罚款。", ["周杰"], "当事人"),
    ("化解宋涛、唐伟诉区卫健委行政赔偿案。", ["宋涛", "唐伟"], "诉讼案件"),
    ("申请人吴敏、孙伟申请公开有关信息。", ["吴敏", "孙伟"], "当事人"),
])
def test_a_private_party_named_beside_a_case_or_a_role_is_found(found, text, names, context):
    hits = found(text)
    assert [name for name, _ in hits] == names
    assert all(f"写到{context}时" in message for _, message in hits)


@pytest.mark.parametrize("text", [
    "经多次诉讼和调解，妥善解决了蔡某行政诉讼案。",                  # masked forms
    "办理王某某诉区卫生健康局政府信息公开案。",
    "当事人李×不服处罚决定。",
    "杨某权与某市房产管理局政府信息公开案。",
    "当事人张先生申请听证。",
    "某某公司诉区卫生健康局行政处罚案已审结。",                      # companies, organs, places
    "重庆某某医药有限公司诉区市场监督管理局案。",
    "当事人张三诊所未取得医疗机构执业许可证。",
    "第三人民医院医疗纠纷案件调解成功。",
    "黄石行政诉讼案件数量下降。",
    "局长张建国主持召开局务会议，研究行政诉讼案件3件。",            # officials in their role
    "听取法律顾问王立新案件审查意见。",
    "副局长李明出庭应诉行政诉讼案件2件。",
    "保障当事人陈述申辩权利，告知当事人的合法权益和救济途径。",      # ordinary words
    "不再要求申请人提供从业人员健康体检合格证明。",
    "当事人许可证到期未延续。",
    "当事人于2023年5月提出申请。",
    "当事人向法院提起诉讼。",
    "截至12月31日，我局暂未收到行政复议案件和作为被申请人案件。",
    "依法查处黄赌毒案件12起，查办案件5件。",
    "原告诉称被告行政行为违法，原告撤诉1件。",
    "调解成功的一案例入选司法部典型案例。",
    "引导患者依法维权，保障患者安全，患者满意度达95%。",
])
def test_masked_forms_organisations_officials_and_ordinary_words_are_silent(found, text):
    assert found(text) == []


SEED = SEEDS / "004_3b8f22655ae3d0b6.txt"   # line 47: 「妥善解决了蔡国中行政诉讼案」


def test_the_seed_names_one_private_party_and_the_message_suggests_the_masked_form(pack):
    ruleset = load_ruleset((str(pack),))
    result = linter.lint_source(source.read(SEED), ruleset)
    assert [(d.line, d.excerpt, d.masked, d.fix) for d in result.diagnostics] == [(47, "***", True, ())]
    assert result.diagnostics[0].message == (
        "写到诉讼案件时点出了个人姓名：向社会公开的报告不得点名私人当事人，宜写作“蔡某”")


@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "sarif"], ["--format", "github"]])
def test_no_output_shows_the_name(pack, args):
    output = CliRunner().invoke(main, [str(SEED), "--pack", str(pack), *args]).output
    assert "XT703" in output or "private-party-named" in output
    assert "蔡国中" not in output and "蔡某" in output


def test_the_text_output_masks_the_name_in_the_source_line(pack):
    output = CliRunner().invoke(main, [str(SEED), "--pack", str(pack)]).output
    assert "妥善解决了***行政诉讼案" in output


def test_a_name_split_by_a_page_break_is_masked_on_both_lines(pack, tmp_path):
    path = tmp_path / "split.txt"
    path.write_text(SEED.read_text(encoding="utf-8").replace("蔡国中", "蔡国\n\n中"), encoding="utf-8")
    text = CliRunner().invoke(main, [str(path), "--pack", str(pack)]).output
    found = json.loads(CliRunner().invoke(main, [str(path), "--pack", str(pack), "--format", "json"]).output)
    excerpts = [d["excerpt"] for f in found["files"] for d in f["findings"]]
    assert "蔡国" not in text and "\n中行政" not in text and "| 中行政" not in text
    assert excerpts == ["**", "*"]


_JIEBA_LOADED = (
    "import json, sys\n"
    "from lawlint.packs import schema\n"
    "shipped = schema.pack_schema\n"
    "schema.pack_schema = lambda name='pack': json.loads(schema.generated_pack_schema()) "
    "if name == 'pack' else shipped(name)\n"
    "from lawlint.packs.ruleset import load_ruleset\n"
    "from lawlint.pipeline import linter\n"
    "from lawlint.document import source\n"
    "ruleset = load_ruleset((sys.argv[1],))\n"
    "text = open(sys.argv[2], encoding='utf-8').read().replace('蔡国中', sys.argv[3])\n"
    "result = linter.lint_source(source.from_text(text, 'r.txt'), ruleset)\n"
    "print(len(result.diagnostics), 'jieba' in sys.modules)\n"
)


@pytest.mark.parametrize("party, loaded", [("蔡某", False), ("蔡国中", True)])
def test_jieba_is_imported_only_when_a_slot_holds_a_surname(pack, party, loaded):
    """The seed has case words (行政复议、诉讼案件, 查处案件…) but, once the party is masked,
    no surname beside them: jieba must not be imported at all."""
    done = subprocess.run([sys.executable, "-c", _JIEBA_LOADED, str(pack), str(SEED), party],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == [str(int(loaded)), str(loaded)], done.stderr
