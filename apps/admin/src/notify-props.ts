import type { ChannelView } from '@antre/protocol';
import type { NotifyT } from './notify-messages';
import type { PageProps } from './page-props';

/** What each part of the Notifikasi page gets: the page's props, its words, the channels. */
export type NotifySectionProps = Omit<PageProps, 't'> & {
  t: NotifyT;
  channels: ChannelView[];
};
