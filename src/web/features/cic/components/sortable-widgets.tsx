import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardWidget } from '../../../../contract/cic.ts';

interface SortableWidgetsProps {
  widgets: DashboardWidget[];
  onPlace: (widget: DashboardWidget, target: DashboardWidget) => void;
  children: ReactNode;
}

/**
 * The widget column as a sortable list: dragged by a widget's handle with a pointer, or from the
 * keyboard (Space picks up, arrows move, Space drops, Escape cancels), each step announced.
 */
export function SortableWidgets({ widgets, onPlace, children }: SortableWidgetsProps) {
  const { t } = useTranslation('cic');
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: string | number) => t(`widget.${id as DashboardWidget}`);
  const position = (id: string | number | undefined) => widgets.indexOf(id as DashboardWidget) + 1;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onPlace(active.id as DashboardWidget, over.id as DashboardWidget);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('drag.instructions') },
        announcements: {
          onDragStart: ({ active }) => t('drag.picked', { name: name(active.id), position: position(active.id), total: widgets.length }),
          onDragOver: ({ active, over }) => (over ? t('drag.over', { name: name(active.id), position: position(over.id), total: widgets.length }) : undefined),
          onDragEnd: ({ active, over }) => (over ? t('drag.dropped', { name: name(active.id), position: position(over.id), total: widgets.length }) : undefined),
          onDragCancel: ({ active }) => t('drag.cancelled', { name: name(active.id) }),
        },
      }}
    >
      <SortableContext items={widgets} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
