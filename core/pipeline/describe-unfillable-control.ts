import type { ControlTask } from '../spec/control-task';
import type { ControlTag, ObjectTag } from '../spec/label-config';

/** Controls that draw regions on images (and their unlabelled forms): prelabel draws no geometry. */
const GEOMETRY_CONTROLS = new Set([
  'RectangleLabels', 'Rectangle', 'PolygonLabels', 'Polygon', 'KeyPointLabels', 'KeyPoint', 'BrushLabels', 'Brush',
  'EllipseLabels', 'Ellipse', 'MagicWand', 'BitmaskLabels', 'Bitmask', 'VideoRectangle',
]);

export interface UnfillableControl {
  /** E.g. `geometry on images is not supported`. */
  reason: string;
  /** The objects the control points at that no registered task reads, e.g. `<Video name="video">`. */
  unreadableObjects: string[];
}

export function describeControlTag(control: ControlTag): string {
  return `<${control.type} name="${control.name}">`;
}

export function describeObjectTag(object: ObjectTag): string {
  return `<${object.type} name="${object.name}">`;
}

function listTypes(types: Iterable<string>): string {
  return [...new Set(types)].map((type) => `<${type}>`).join(', ');
}

/** Why no registered task can fill this control on these objects, in words a user can act on. */
export function describeUnfillableControl(control: ControlTag, objects: ObjectTag[], tasks: ControlTask[]): UnfillableControl {
  const readable = new Set(tasks.flatMap((task) => task.objectTypes ?? []));
  const unreadable = objects.filter((object) => readable.size > 0 && !readable.has(object.type));
  const none = { unreadableObjects: [] };
  if (objects.length === 0) return { reason: `toName="${control.toName.join(',')}" names no object of the config`, ...none };
  if (unreadable.length > 0) {
    const names = unreadable.map(describeObjectTag);
    return { reason: `prelabel cannot read ${names.join(', ')} (it reads ${listTypes(readable)})`, unreadableObjects: names };
  }
  const controlTasks = tasks.filter((task) => task.controlType === control.type);
  if (controlTasks.length === 0) {
    if (GEOMETRY_CONTROLS.has(control.type)) return { reason: 'geometry on images is not supported (regions are drawn by hand)', ...none };
    if (control.type === 'Relations') return { reason: 'relations between regions are not supported', ...none };
    return { reason: `prelabel has no task for <${control.type}>`, ...none };
  }
  const controlReads = new Set(controlTasks.flatMap((task) => task.objectTypes ?? []));
  const misfit = objects.filter((object) => controlReads.size > 0 && !controlReads.has(object.type));
  if (misfit.length > 0) {
    return { reason: `<${control.type}> on ${listTypes(misfit.map((object) => object.type))} is not supported (on ${listTypes(controlReads)} it is)`, ...none };
  }
  if (control.perRegion) return { reason: 'perRegion controls describe regions, and prelabel draws none to describe', ...none };
  if (control.dynamicOptions) return { reason: 'its options come from task data or apiUrl, so the prompt cannot list them', ...none };
  const literal = objects.filter((object) => object.dataField === null);
  if (literal.length > 0) return { reason: `${literal.map(describeObjectTag).join(', ')} shows a literal value, not task data`, ...none };
  return { reason: `prelabel cannot fill <${control.type}> on ${listTypes(objects.map((object) => object.type))} as configured (see README "Supported controls")`, ...none };
}
