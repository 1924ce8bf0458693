// Chinese prose. faker's zh_CN locale has names and words but its lorem is Latin, so sentences are
// built here from templates and a small vocabulary written for the purpose.
import type { Rng } from '../core/random.js';

const topics = ['这个问题', '数据处理', '系统设计', '接口调用', '性能优化', '代码结构', '用户体验', '项目进度', '模型训练', '日志分析', '缓存策略', '网络请求'];
const subjects = ['我们', '开发团队', '这个方案', '新的版本', '测试结果', '整体架构', '用户', '服务端'];
const verbs = ['需要考虑', '可以改进', '已经覆盖', '应该关注', '能够支持', '正在处理', '重新评估', '逐步完善'];
const objects = ['边界情况', '错误处理', '并发请求', '响应时间', '数据一致性', '配置选项', '异常输入', '资源占用', '可读性', '兼容性'];
const adverbs = ['通常', '一般来说', '实际上', '首先', '其次', '另外', '总体来看', '在大多数情况下'];
const openers = ['好的！', '当然可以。', '这是个好问题。', '没问题。', '下面是简要的回答。', '很高兴为您解答。'];
const closers = ['希望这些信息对您有帮助。', '如果还有其他问题，请随时告诉我。', '您可以根据实际情况进行调整。', '以上就是主要的思路。'];

const templates: ((r: Rng) => string)[] = [
  (r) => `${r.pick(adverbs)}，${r.pick(subjects)}${r.pick(verbs)}${r.pick(objects)}。`,
  (r) => `关于${r.pick(topics)}，${r.pick(subjects)}${r.pick(verbs)}${r.pick(objects)}和${r.pick(objects)}。`,
  (r) => `${r.pick(topics)}的关键在于${r.pick(objects)}，${r.pick(adverbs)}要${r.pick(verbs)}${r.pick(objects)}。`,
  (r) => `如果${r.pick(objects)}出现问题，${r.pick(subjects)}${r.pick(verbs)}${r.pick(topics)}。`,
];

/** Chinese sentences until about `targetChars` Han characters. */
export function generateChineseProse(rng: Rng, targetChars: number): string {
  let out = rng.pick(openers);
  while (out.length < targetChars) out += rng.pick(templates)(rng);
  return out + rng.pick(closers);
}

/** A short Chinese phrase for values (JSON mode, tool arguments). */
export function chinesePhrase(rng: Rng): string {
  return `${rng.pick(topics)}${rng.pick(verbs)}${rng.pick(objects)}`;
}

/** The opening of a chain of thought in Chinese. */
export function chineseReasoning(rng: Rng, question: string, steps: number): string {
  const lines = [`嗯，用户问的是“${question.slice(0, 40)}”。我需要先理解问题的重点。`];
  for (let i = 0; i < steps; i++) lines.push(rng.pick(templates)(rng));
  lines.push('好的，我想清楚了，现在组织一下回答。');
  return lines.join('\n');
}
