import { registerBuiltinTasks } from '../../tasks';
import { createDefaultProjectSettings } from '../../config/default-project-settings';
import { LabelStudioXmlConfigParser } from '../label-config/label-config-parser';
import { Registry } from '../registry';
import { selectTargets } from './select-targets';

const registry = new Registry();
registerBuiltinTasks(registry);

function skippedOf(xml: string) {
  const labelConfig = new LabelStudioXmlConfigParser().parse({ xml: `<View>${xml}</View>` });
  return selectTargets(labelConfig, registry, createDefaultProjectSettings({})).skipped;
}

describe('why a control cannot be filled', () => {
  it.each([
    [
      'geometry on an image',
      '<Image name="image" value="$image"/><RectangleLabels name="bbox" toName="image"><Label value="Car"/></RectangleLabels>',
      { tag: '<RectangleLabels name="bbox"> on <Image name="image">', reason: 'geometry on images is not supported (regions are drawn by hand)' },
    ],
    [
      'an object prelabel cannot read',
      '<Video name="video" value="$video"/><Choices name="scene" toName="video"><Choice value="Indoor"/></Choices>',
      { reason: expect.stringMatching(/^prelabel cannot read <Video name="video"> \(it reads <Text>, .*<Image>/), unreadableObjects: ['<Video name="video">'] },
    ],
    [
      'a control on an object its tasks do not read',
      '<Image name="image" value="$image"/><Labels name="ner" toName="image"><Label value="PER"/></Labels>',
      { reason: '<Labels> on <Image> is not supported (on <Text>, <HyperText> it is)' },
    ],
    [
      'a per-region control',
      '<Text name="text" value="$text"/><Choices name="region" toName="text" perRegion="true"><Choice value="A"/></Choices>',
      { reason: 'perRegion controls describe regions, and prelabel draws none to describe' },
    ],
    [
      'options from task data',
      '<Text name="text" value="$text"/><Choices name="dynamic" toName="text" value="$options"/>',
      { reason: 'its options come from task data or apiUrl, so the prompt cannot list them' },
    ],
    [
      'a control type without a task',
      '<Text name="text" value="$text"/><Ranker name="rank" toName="text"/>',
      { reason: 'prelabel has no task for <Ranker>' },
    ],
  ])('%s', (_name, xml, expected) => {
    const [skipped] = skippedOf(xml);
    expect(skipped).toMatchObject(expected);
  });
});
