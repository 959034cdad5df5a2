// Our small set of components. Screens build from these so the whole app looks and behaves alike.
export { Button, IconButton, type ButtonProps } from './Button';
export { TextField, TextArea, SelectField } from './Field';
export { DateField } from './DateField';
export { Badge, type Tone } from './Badge';
export { EmptyState } from './EmptyState';
export { ErrorMessage } from './ErrorMessage';
export { ProgressBar } from './ProgressBar';
export { Dialog } from './Dialog';
export { ToastProvider, useToast } from './Toast';
export { copyText, useCopy } from './clipboard';
export { PageHeader, SplitView, Card, Kbd } from './Page';
export { ListItem, ListSection } from './List';
export { Loading } from './Loading';
export { StatusBadge, ScopeBadge } from './StatusBadge';
export { SearchableList, ListSearchBox, ListSearchResults, type ListFilter } from './ListSearch';
export { DocumentView } from './DocumentView';
export { WorkLog } from './WorkLog';
export { MessageDelivery } from './MessageDelivery';
